package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ElastiCache replication groups against WireMock: moto 5.2.1 creates no member clusters for a replication group,
 * so the provider fails reading one back (DescribeCacheClusters on {@code <group>-001}) and Terraform cannot apply it
 * there, and the settings AWS keeps on the members (parameter group, maintenance window, subnet and security groups,
 * notifications) could not be read at all. WireMock answers DescribeReplicationGroups, DescribeCacheClusters and
 * ListTagsForResource with the XML the ElastiCache API reference documents (query protocol, 2015-02-02), and a state
 * in the provider 5.100.0 schema's shape is reconciled with what the collector makes of it.
 */
class ElastiCacheReplicationGroupWireMockTest {

    private static final String XMLNS = " xmlns=\"http://elasticache.amazonaws.com/doc/2015-02-02/\"";
    private static final String ARN = "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:orders";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        stub("DescribeReplicationGroups", "<ReplicationGroups>" + group("orders", ARN, "orders-001", "orders-002")
                + group("by-hand", "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:by-hand", "by-hand-001")
                + "</ReplicationGroups>");
        stub("DescribeCacheClusters", "<CacheClusters>" + member("orders-001", "orders") + member("orders-002", "orders")
                + member("by-hand-001", "by-hand") + "</CacheClusters>");
        stub("ListTagsForResource", "<TagList><Tag><Key>team</Key><Value>orders</Value></Tag></TagList>");
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void aGroupAsTerraformWroteItIsInSyncAndOneMadeByHandIsUnmanaged() {
        Map<String, Finding> findings = reconcile(state(Map.of()));

        assertThat(findings.keySet()).containsExactlyInAnyOrder("aws_elasticache_replication_group.orders",
                "aws_elasticache_replication_group by-hand");
        assertThat(findings.get("aws_elasticache_replication_group.orders").status())
                .as("%s", findings.get("aws_elasticache_replication_group.orders").diffs())
                .isEqualTo(FindingStatus.IN_SYNC);
        assertThat(findings.get("aws_elasticache_replication_group by-hand").status())
                .isEqualTo(FindingStatus.UNMANAGED);
    }

    @Test
    void consoleChangesOnTheGroupAndOnItsMembersShowOnTheAttributeTheyChange() {
        Map<String, Finding> findings = reconcile(state(Map.of(
                "multi_az_enabled", false,
                "snapshot_retention_limit", 1,
                "maintenance_window", "mon:03:00-mon:04:00",
                "security_group_ids", List.of("sg-0000000000000000a"),
                "auth_token", "a-new-token-nobody-can-read")));

        TreeSet<String> changed = new TreeSet<>();
        findings.forEach((who, finding) -> finding.diffs().forEach(diff -> changed.add(who + " " + diff.dottedPath())));
        assertThat(changed).containsExactly(
                "aws_elasticache_replication_group.orders maintenance_window",
                "aws_elasticache_replication_group.orders multi_az_enabled",
                "aws_elasticache_replication_group.orders security_group_ids",
                "aws_elasticache_replication_group.orders snapshot_retention_limit");
    }

    @Test
    void detailCallsAreSpentOnManagedGroupsOnly() {
        reconcile(state(Map.of()));

        aws.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("Action=DescribeReplicationGroups"))
                .withRequestBody(containing("MaxRecords=100")));
        aws.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("Action=DescribeCacheClusters")));
        aws.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("Action=ListTagsForResource"))
                .withRequestBody(containing("replicationgroup%3Aorders")));
        aws.verify(0, postRequestedFor(anyUrl()).withRequestBody(containing("replicationgroup%3Aby-hand")));
    }

    private static String group(String id, String arn, String... members) {
        StringBuilder memberIds = new StringBuilder();
        StringBuilder nodeMembers = new StringBuilder();
        for (int i = 0; i < members.length; i++) {
            memberIds.append("<ClusterId>").append(members[i]).append("</ClusterId>");
            nodeMembers.append("<NodeGroupMember><CacheClusterId>").append(members[i])
                    .append("</CacheClusterId><CacheNodeId>0001</CacheNodeId><PreferredAvailabilityZone>us-east-1")
                    .append(i == 0 ? "a" : "b").append("</PreferredAvailabilityZone><CurrentRole>")
                    .append(i == 0 ? "primary" : "replica").append("</CurrentRole></NodeGroupMember>");
        }
        return "<ReplicationGroup><ReplicationGroupId>" + id + "</ReplicationGroupId><Description>" + id
                + " cache</Description><Status>available</Status><MemberClusters>" + memberIds + "</MemberClusters>"
                + "<NodeGroups><NodeGroup><NodeGroupId>0001</NodeGroupId><Status>available</Status><PrimaryEndpoint>"
                + "<Address>master." + id + ".abc123.use1.cache.amazonaws.com</Address><Port>6379</Port>"
                + "</PrimaryEndpoint><NodeGroupMembers>" + nodeMembers + "</NodeGroupMembers></NodeGroup></NodeGroups>"
                + "<SnapshottingClusterId>" + members[0] + "</SnapshottingClusterId>"
                + "<AutomaticFailover>enabled</AutomaticFailover><MultiAZ>enabled</MultiAZ>"
                + "<SnapshotRetentionLimit>7</SnapshotRetentionLimit><SnapshotWindow>05:00-06:00</SnapshotWindow>"
                + "<ClusterEnabled>false</ClusterEnabled><CacheNodeType>cache.t3.micro</CacheNodeType>"
                + "<AuthTokenEnabled>true</AuthTokenEnabled><TransitEncryptionEnabled>true</TransitEncryptionEnabled>"
                + "<AtRestEncryptionEnabled>true</AtRestEncryptionEnabled><MemberClustersOutpostArns/>"
                + "<KmsKeyId>" + KEY + "</KmsKeyId><ARN>" + arn + "</ARN><UserGroupIds/><LogDeliveryConfigurations>"
                + "<LogDeliveryConfiguration><LogType>slow-log</LogType><DestinationType>cloudwatch-logs"
                + "</DestinationType><DestinationDetails><CloudWatchLogsDetails><LogGroup>/cache/" + id
                + "</LogGroup></CloudWatchLogsDetails></DestinationDetails><LogFormat>json</LogFormat>"
                + "<Status>active</Status></LogDeliveryConfiguration></LogDeliveryConfigurations>"
                + "<DataTiering>disabled</DataTiering><AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade>"
                + "<NetworkType>ipv4</NetworkType><IpDiscovery>ipv4</IpDiscovery>"
                + "<TransitEncryptionMode>required</TransitEncryptionMode><ClusterMode>disabled</ClusterMode>"
                + "<Engine>redis</Engine></ReplicationGroup>";
    }

    private static String member(String id, String group) {
        return "<CacheCluster><CacheClusterId>" + id + "</CacheClusterId><CacheNodeType>cache.t3.micro</CacheNodeType>"
                + "<Engine>redis</Engine><EngineVersion>7.1.0</EngineVersion><CacheClusterStatus>available"
                + "</CacheClusterStatus><NumCacheNodes>1</NumCacheNodes><PreferredAvailabilityZone>us-east-1a"
                + "</PreferredAvailabilityZone><PreferredMaintenanceWindow>sun:23:00-mon:01:30"
                + "</PreferredMaintenanceWindow><NotificationConfiguration><TopicArn>"
                + "arn:aws:sns:us-east-1:123456789012:cache-events</TopicArn><TopicStatus>active</TopicStatus>"
                + "</NotificationConfiguration><CacheSecurityGroups/><CacheParameterGroup><CacheParameterGroupName>"
                + "default.redis7</CacheParameterGroupName><ParameterApplyStatus>in-sync</ParameterApplyStatus>"
                + "</CacheParameterGroup><CacheSubnetGroupName>cache-subnets</CacheSubnetGroupName>"
                + "<AutoMinorVersionUpgrade>true</AutoMinorVersionUpgrade><SecurityGroups><member><SecurityGroupId>"
                + "sg-0123456789abcdef0</SecurityGroupId><Status>active</Status></member></SecurityGroups>"
                + "<ReplicationGroupId>" + group + "</ReplicationGroupId><SnapshotRetentionLimit>7"
                + "</SnapshotRetentionLimit><SnapshotWindow>05:00-06:00</SnapshotWindow>"
                + "<AuthTokenEnabled>true</AuthTokenEnabled><TransitEncryptionEnabled>true</TransitEncryptionEnabled>"
                + "<AtRestEncryptionEnabled>true</AtRestEncryptionEnabled><ARN>arn:aws:elasticache:us-east-1:"
                + "123456789012:cluster:" + id + "</ARN><ReplicationGroupLogDeliveryEnabled>true"
                + "</ReplicationGroupLogDeliveryEnabled><NetworkType>ipv4</NetworkType><IpDiscovery>ipv4</IpDiscovery>"
                + "</CacheCluster>";
    }

    private void stub(String action, String result) {
        aws.stubFor(post(anyUrl()).withRequestBody(containing("Action=" + action)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<" + action + "Response" + XMLNS + "><" + action + "Result>" + result + "</" + action
                        + "Result><ResponseMetadata><RequestId>0d8f1b1e-1111-2222-3333-444455556666</RequestId>"
                        + "</ResponseMetadata></" + action + "Response>")));
    }

    /** Lists the type as a scan of {@code state} does, reconciles; findings by address or "type id". */
    private Map<String, Finding> reconcile(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        String type = ElastiCacheCollectors.REPLICATION_GROUP;
        List<ListingOutcome> outcomes;
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            Collector collector = Collectors.forType(type).orElseThrow();
            outcomes = List.of(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION, type),
                    collector.list(new CollectorContext(session, MotoAws.ACCOUNT, MotoAws.REGION, false, managed))));
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /**
     * The state provider 5.100.0 writes for the group (every schema attribute, unset ones empty; the auth token as
     * configured), with the values of {@code changes} in place of those of the live group.
     */
    private static StateSnapshot state(Map<String, Object> changes) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("id", "orders");
        attributes.put("arn", ARN);
        attributes.put("replication_group_id", "orders");
        attributes.put("description", "orders cache");
        attributes.put("engine", "redis");
        attributes.put("engine_version", "7.1");
        attributes.put("engine_version_actual", "7.1.0");
        attributes.put("node_type", "cache.t3.micro");
        attributes.put("port", 6379);
        attributes.put("num_cache_clusters", 2);
        attributes.put("num_node_groups", 1);
        attributes.put("replicas_per_node_group", 1);
        attributes.put("member_clusters", List.of("orders-001", "orders-002"));
        attributes.put("cluster_enabled", false);
        attributes.put("cluster_mode", "disabled");
        attributes.put("automatic_failover_enabled", true);
        attributes.put("multi_az_enabled", true);
        attributes.put("at_rest_encryption_enabled", "true");
        attributes.put("transit_encryption_enabled", true);
        attributes.put("transit_encryption_mode", "required");
        attributes.put("kms_key_id", KEY);
        attributes.put("auth_token", "a-token-only-terraform-knows");
        attributes.put("auth_token_update_strategy", "ROTATE");
        attributes.put("snapshot_retention_limit", 7);
        attributes.put("snapshot_window", "05:00-06:00");
        attributes.put("maintenance_window", "sun:23:00-mon:01:30");
        attributes.put("parameter_group_name", "default.redis7");
        attributes.put("subnet_group_name", "cache-subnets");
        attributes.put("security_group_ids", List.of("sg-0123456789abcdef0"));
        attributes.put("security_group_names", List.of());
        attributes.put("notification_topic_arn", "arn:aws:sns:us-east-1:123456789012:cache-events");
        attributes.put("auto_minor_version_upgrade", "true");
        attributes.put("data_tiering_enabled", false);
        attributes.put("ip_discovery", "ipv4");
        attributes.put("network_type", "ipv4");
        attributes.put("global_replication_group_id", "");
        attributes.put("user_group_ids", List.of());
        attributes.put("log_delivery_configuration", List.of(Map.of("destination", "/cache/orders",
                "destination_type", "cloudwatch-logs", "log_format", "json", "log_type", "slow-log")));
        attributes.put("preferred_cache_cluster_azs", List.of("us-east-1a", "us-east-1b"));
        attributes.put("primary_endpoint_address", "master.orders.abc123.use1.cache.amazonaws.com");
        attributes.put("tags", Map.of("team", "orders"));
        attributes.put("tags_all", Map.of("team", "orders"));
        attributes.putAll(changes);
        StateResource group = new StateResource("aws_elasticache_replication_group.orders", "",
                "aws_elasticache_replication_group", "orders", "orders", "hand.tfstate", attributes);
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", List.of(group));
    }
}
