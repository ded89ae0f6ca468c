package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.LogDeliveryConfiguration;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * ElastiCache clusters and replication groups, per region, 100 a page; tags cost one ListTagsForResource per managed
 * resource. A replication group's member clusters are the group's (dropped as clusters unless a state manages them
 * so); the group's settings that AWS keeps on its members (parameter group, maintenance window, subnet group,
 * security groups, notifications) come from one DescribeCacheClusters listing, spent only when a group is managed.
 * Compared first: encryption at rest and in transit, automatic failover, Multi-AZ, snapshot retention.
 * {@code engine_version} is not compared: the provider keeps the configured version ({@code 7.1}, {@code 6.x})
 * while AWS reports the running one.
 */
final class ElastiCacheCollectors {

    static final String CLUSTER = "aws_elasticache_cluster";
    static final String REPLICATION_GROUP = "aws_elasticache_replication_group";

    static final int PAGE = 100;
    private static final String ENGINE_VERSION = "the provider keeps the configured version (7.1, 6.x) while AWS "
            + "reports the running one";

    private ElastiCacheCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(CLUSTER).actions("elasticache:DescribeCacheClusters",
                                "elasticache:ListTagsForResource")
                        .compare("transit_encryption_enabled", SCALAR).compare("snapshot_retention_limit", SCALAR)
                        .compare("snapshot_window", STRING).compare("security_group_ids", SET)
                        .compare("subnet_group_name", STRING).compare("engine", STRING).compare("node_type", STRING)
                        .compare("num_cache_nodes", SCALAR).compare("port", SCALAR)
                        .compare("parameter_group_name", STRING).compare("maintenance_window", CASE_INSENSITIVE)
                        .compare("notification_topic_arn", STRING).compare("az_mode", STRING)
                        .compare("availability_zone", STRING).compare("auto_minor_version_upgrade", SCALAR)
                        .compare("ip_discovery", STRING).compare("network_type", STRING)
                        .compare("replication_group_id", STRING).compare("log_delivery_configuration", SET)
                        .compare("preferred_outpost_arn", STRING).compareTags()
                        .notCompared(ENGINE_VERSION, "engine_version")
                        .notCompared(NotCompared.IDENTITY, "cluster_id")
                        .notCompared(NotCompared.CREATE_ONLY, "preferred_availability_zones", "snapshot_arns",
                                "snapshot_name", "outpost_mode")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "apply_immediately", "final_snapshot_identifier")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ElastiCacheCollectors::clusters),
                CollectorDefinition.regional(REPLICATION_GROUP).actions("elasticache:DescribeReplicationGroups",
                                "elasticache:DescribeCacheClusters", "elasticache:ListTagsForResource")
                        .compare("at_rest_encryption_enabled", SCALAR).compare("transit_encryption_enabled", SCALAR)
                        .compare("transit_encryption_mode", STRING).compare("kms_key_id", STRING)
                        .compare("automatic_failover_enabled", SCALAR).compare("multi_az_enabled", SCALAR)
                        .compare("snapshot_retention_limit", SCALAR).compare("snapshot_window", STRING)
                        .compare("user_group_ids", SET).compare("security_group_ids", SET)
                        .compare("subnet_group_name", STRING).compare("description", STRING)
                        .compare("engine", STRING).compare("node_type", STRING).compare("port", SCALAR)
                        .compare("num_cache_clusters", SCALAR).compare("num_node_groups", SCALAR)
                        .compare("replicas_per_node_group", SCALAR).compare("cluster_mode", CASE_INSENSITIVE)
                        .compare("data_tiering_enabled", SCALAR).compare("parameter_group_name", STRING)
                        .compare("maintenance_window", CASE_INSENSITIVE).compare("notification_topic_arn", STRING)
                        .compare("auto_minor_version_upgrade", SCALAR).compare("ip_discovery", STRING)
                        .compare("network_type", STRING).compare("global_replication_group_id", STRING)
                        .compare("log_delivery_configuration", SET).compare("security_group_names", SET)
                        .compareTags()
                        .notCompared(ENGINE_VERSION, "engine_version")
                        .notCompared(NotCompared.IDENTITY, "replication_group_id")
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "auth_token")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "auth_token_update_strategy", "apply_immediately",
                                "final_snapshot_identifier")
                        .notCompared(NotCompared.CREATE_ONLY, "preferred_cache_cluster_azs", "snapshot_arns",
                                "snapshot_name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ElastiCacheCollectors::replicationGroups));
    }

    private static List<CacheCluster> cacheClusters(ElastiCacheClient cache) {
        return cache.describeCacheClustersPaginator(r -> r.maxRecords(PAGE)).cacheClusters().stream().toList();
    }

    private static List<LiveResource> clusters(CollectorContext ctx) {
        ElastiCacheClient cache = ctx.session().elastiCache(ctx.region());
        List<LiveResource> clusters = new ArrayList<>();
        for (CacheCluster cluster : cacheClusters(cache)) {
            String id = cluster.cacheClusterId();
            boolean managed = ctx.manages(CLUSTER, id);
            if ("deleting".equals(cluster.cacheClusterStatus()) || cluster.replicationGroupId() != null && !managed) {
                continue;
            }
            clusters.add(managed ? ctx.resource(CLUSTER, id, cluster(cluster, tags(cache, cluster.arn()),
                    ctx.managed().resources(CLUSTER).get(id).get("port"))) : ctx.identityOnly(CLUSTER, id));
        }
        return clusters;
    }

    /**
     * As the provider reads a cluster: the port from the configuration endpoint or the first node. A cluster AWS
     * is still creating has neither (moto never gives one): the port is then unknown, and the state's stands, as
     * the provider keeps it.
     */
    private static Map<String, Object> cluster(CacheCluster c, Map<String, Object> tags, Object statePort) {
        Object port = c.configurationEndpoint() != null ? c.configurationEndpoint().port()
                : c.cacheNodes().isEmpty() || c.cacheNodes().getFirst().endpoint() == null ? statePort
                : c.cacheNodes().getFirst().endpoint().port();
        return Attributes.of()
                .put("transit_encryption_enabled", Boolean.TRUE.equals(c.transitEncryptionEnabled()))
                .put("snapshot_retention_limit", c.snapshotRetentionLimit() == null ? 0 : c.snapshotRetentionLimit())
                .put("snapshot_window", c.snapshotWindow())
                .put("security_group_ids", c.securityGroups().stream().map(g -> g.securityGroupId()).toList())
                .put("subnet_group_name", c.cacheSubnetGroupName())
                .put("engine", c.engine())
                .put("node_type", c.cacheNodeType())
                .put("num_cache_nodes", c.numCacheNodes())
                .put("port", port)
                .put("parameter_group_name", c.cacheParameterGroup() == null
                        ? null : c.cacheParameterGroup().cacheParameterGroupName())
                .put("maintenance_window", c.preferredMaintenanceWindow())
                .put("notification_topic_arn", c.notificationConfiguration() == null
                        ? null : c.notificationConfiguration().topicArn())
                .put("az_mode", "Multiple".equals(c.preferredAvailabilityZone()) ? "cross-az" : "single-az")
                .put("availability_zone", "Multiple".equals(c.preferredAvailabilityZone())
                        ? null : c.preferredAvailabilityZone())
                .put("auto_minor_version_upgrade", c.autoMinorVersionUpgrade() == null
                        ? null : String.valueOf(c.autoMinorVersionUpgrade()))
                .put("ip_discovery", c.ipDiscoveryAsString())
                .put("network_type", c.networkTypeAsString())
                .put("replication_group_id", c.replicationGroupId())
                .put("log_delivery_configuration", logDelivery(c.logDeliveryConfigurations()))
                .put("preferred_outpost_arn", c.preferredOutpostArn())
                .put("tags", tags)
                .build();
    }

    private static List<LiveResource> replicationGroups(CollectorContext ctx) {
        ElastiCacheClient cache = ctx.session().elastiCache(ctx.region());
        List<ReplicationGroup> groups = cache.describeReplicationGroupsPaginator(r -> r.maxRecords(PAGE))
                .replicationGroups().stream().filter(g -> !"deleting".equals(g.status())).toList();
        boolean anyManaged = groups.stream().anyMatch(g -> ctx.manages(REPLICATION_GROUP, g.replicationGroupId()));
        Map<String, CacheCluster> members = !anyManaged ? Map.of() : cacheClusters(cache).stream()
                .collect(Collectors.toMap(CacheCluster::cacheClusterId, Function.identity(), (a, b) -> a));
        List<LiveResource> live = new ArrayList<>();
        for (ReplicationGroup group : groups) {
            String id = group.replicationGroupId();
            if (!ctx.manages(REPLICATION_GROUP, id)) {
                live.add(ctx.identityOnly(REPLICATION_GROUP, id));
                continue;
            }
            CacheCluster member = group.memberClusters().stream().map(members::get)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            live.add(ctx.resource(REPLICATION_GROUP, id, replicationGroup(group, member, tags(cache, group.arn()))));
        }
        return live;
    }

    private static Map<String, Object> replicationGroup(ReplicationGroup g, CacheCluster member, Map<String, Object> tags) {
        var nodeGroups = g.nodeGroups();
        Integer port = g.configurationEndpoint() != null ? g.configurationEndpoint().port()
                : nodeGroups.isEmpty() || nodeGroups.getFirst().primaryEndpoint() == null ? null
                : nodeGroups.getFirst().primaryEndpoint().port();
        return Attributes.of()
                .put("at_rest_encryption_enabled", Boolean.TRUE.equals(g.atRestEncryptionEnabled()))
                .put("transit_encryption_enabled", Boolean.TRUE.equals(g.transitEncryptionEnabled()))
                .put("transit_encryption_mode", g.transitEncryptionModeAsString())
                .put("kms_key_id", g.kmsKeyId())
                .put("automatic_failover_enabled", g.automaticFailover() != null
                        && !"disabled".equals(g.automaticFailoverAsString()))
                .put("multi_az_enabled", "enabled".equals(g.multiAZAsString()))
                .put("snapshot_retention_limit", g.snapshotRetentionLimit() == null ? 0 : g.snapshotRetentionLimit())
                .put("snapshot_window", g.snapshotWindow())
                .put("user_group_ids", g.userGroupIds())
                .put("description", g.description())
                .put("engine", g.engine())
                .put("node_type", g.cacheNodeType())
                .put("port", port)
                .put("num_cache_clusters", g.memberClusters().size())
                .put("num_node_groups", nodeGroups.size())
                .put("replicas_per_node_group", nodeGroups.isEmpty() ? 0
                        : Math.max(0, nodeGroups.getFirst().nodeGroupMembers().size() - 1))
                .put("cluster_mode", g.clusterModeAsString())
                .put("data_tiering_enabled", "enabled".equals(g.dataTieringAsString()))
                .put("auto_minor_version_upgrade", g.autoMinorVersionUpgrade() == null
                        ? null : String.valueOf(g.autoMinorVersionUpgrade()))
                .put("ip_discovery", g.ipDiscoveryAsString())
                .put("network_type", g.networkTypeAsString())
                .put("global_replication_group_id", g.globalReplicationGroupInfo() == null
                        ? null : g.globalReplicationGroupInfo().globalReplicationGroupId())
                .put("log_delivery_configuration", logDelivery(g.logDeliveryConfigurations()))
                // kept by AWS on the member clusters
                .put("security_group_ids", member == null ? List.of()
                        : member.securityGroups().stream().map(s -> s.securityGroupId()).toList())
                .put("security_group_names", member == null ? List.of()
                        : member.cacheSecurityGroups().stream().map(s -> s.cacheSecurityGroupName()).toList())
                .put("subnet_group_name", member == null ? null : member.cacheSubnetGroupName())
                .put("parameter_group_name", member == null || member.cacheParameterGroup() == null
                        ? null : member.cacheParameterGroup().cacheParameterGroupName())
                .put("maintenance_window", member == null ? null : member.preferredMaintenanceWindow())
                .put("notification_topic_arn", member == null || member.notificationConfiguration() == null
                        ? null : member.notificationConfiguration().topicArn())
                .put("tags", tags)
                .build();
    }

    private static List<Map<String, Object>> logDelivery(List<LogDeliveryConfiguration> configurations) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (LogDeliveryConfiguration configuration : configurations) {
            var details = configuration.destinationDetails();
            String destination = details == null ? null
                    : details.cloudWatchLogsDetails() != null ? details.cloudWatchLogsDetails().logGroup()
                    : details.kinesisFirehoseDetails() != null ? details.kinesisFirehoseDetails().deliveryStream() : null;
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("destination", destination);
            block.put("destination_type", configuration.destinationTypeAsString());
            block.put("log_format", configuration.logFormatAsString());
            block.put("log_type", configuration.logTypeAsString());
            blocks.add(block);
        }
        return blocks;
    }

    static Map<String, Object> tags(ElastiCacheClient cache, String arn) {
        return Tags.toMap(cache.listTagsForResource(r -> r.resourceName(arn)).tagList(), Tag::key, Tag::value);
    }
}
