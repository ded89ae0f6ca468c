package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network types moto 5.2.1 cannot serve, so Terraform cannot apply them against it either: VPN route
 * propagation (no EnableVgwRoutePropagation, and its DescribeRouteTables has no propagatingVgwSet), VPC Block Public
 * Access options and exclusions, load balancer trust stores and their revocations (no trust store API), WAFv2 web
 * ACL associations (no ListResourcesForWebACL) and S3 directory buckets (no ListDirectoryBuckets). WireMock answers
 * each read with the response its AWS API reference documents (EC2's {@code <item>} sets, ELBv2's query XML,
 * WAFv2's JSON 1.1, S3's REST XML), and states in the provider 5.100.0 schema's shape are reconciled with what the
 * collectors make of it: in sync, deleted (MISSING), made by hand (UNMANAGED), and console edits (CHANGED).
 */
class NetworkEdgeWireMockTest {

    private static final String EC2_XMLNS = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    private static final String ELB_XMLNS = " xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"";
    private static final String S3_XMLNS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private static final String WAF = "AWSWAF_20190729.";
    private static final String ACCOUNT = MotoAws.ACCOUNT;
    private static final String STORE = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":truststore/mtls/73e2d6bc24d8a067";
    private static final String OTHER_STORE = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":truststore/by-hand/0c9d";
    private static final String ACL = "arn:aws:wafv2:us-east-1:" + ACCOUNT + ":regional/webacl/edge/a1b2c3d4-0000-0000-0000-000000000001";
    private static final String OTHER_ACL = "arn:aws:wafv2:us-east-1:" + ACCOUNT + ":regional/webacl/other/a1b2c3d4-0000-0000-0000-000000000002";
    private static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":loadbalancer/app/web/50dc6c495c0c9188";
    private static final String OTHER_ALB = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":loadbalancer/app/admin/7e4f";
    private static final List<String> TYPES = List.of("aws_route_table", "aws_vpn_gateway_route_propagation",
            "aws_vpc_block_public_access_options", "aws_vpc_block_public_access_exclusion", "aws_lb_trust_store",
            "aws_lb_trust_store_revocation", "aws_wafv2_web_acl_association", "aws_s3_directory_bucket");

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        // rtb-1 propagates vgw-1 (managed separately); rtb-2, made by hand, vgw-2; rtb-3 holds vgw-3 inline.
        ec2("DescribeRouteTables", "<routeTableSet>" + routeTable("rtb-1", "vgw-1") + routeTable("rtb-2", "vgw-2")
                + routeTable("rtb-3", "vgw-3") + "</routeTableSet>");
        ec2("DescribeVpcBlockPublicAccessOptions", "<vpcBlockPublicAccessOptions><awsAccountId>" + ACCOUNT
                + "</awsAccountId><awsRegion>us-east-1</awsRegion><state>update-complete</state>"
                + "<internetGatewayBlockMode>block-ingress</internetGatewayBlockMode><managedBy>account</managedBy>"
                + "<exclusionsAllowed>allowed</exclusionsAllowed></vpcBlockPublicAccessOptions>");
        // Two pages: the second holds an exclusion made by hand, and one AWS is deleting.
        aws.stubFor(post(urlEqualTo("/")).atPriority(5)
                .withRequestBody(containing("Action=DescribeVpcBlockPublicAccessExclusions"))
                .willReturn(xml("<DescribeVpcBlockPublicAccessExclusionsResponse" + EC2_XMLNS + "><requestId>r</requestId>"
                        + "<vpcBlockPublicAccessExclusionSet>" + exclusion("exclusion-0a1", "allow-egress", "vpc/vpc-1",
                        "create-complete", "<item><key>Name</key><value>web</value></item>")
                        + "</vpcBlockPublicAccessExclusionSet><nextToken>page-2</nextToken>"
                        + "</DescribeVpcBlockPublicAccessExclusionsResponse>")));
        aws.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withRequestBody(containing("Action=DescribeVpcBlockPublicAccessExclusions"))
                .withRequestBody(containing("NextToken=page-2"))
                .willReturn(xml("<DescribeVpcBlockPublicAccessExclusionsResponse" + EC2_XMLNS + "><requestId>r</requestId>"
                        + "<vpcBlockPublicAccessExclusionSet>" + exclusion("exclusion-0b2", "allow-bidirectional",
                        "subnet/subnet-2", "create-complete", "")
                        + exclusion("exclusion-0c3", "allow-egress", "vpc/vpc-3", "delete-in-progress", "")
                        + "</vpcBlockPublicAccessExclusionSet></DescribeVpcBlockPublicAccessExclusionsResponse>")));
        elb("DescribeTrustStores", "<TrustStores>" + store("mtls", STORE) + store("by-hand", OTHER_STORE)
                + "</TrustStores>");
        elb("DescribeTags", "<TagDescriptions><member><ResourceArn>" + STORE + "</ResourceArn><Tags><member>"
                + "<Key>Env</Key><Value>prod</Value></member></Tags></member></TagDescriptions>");
        elb("DescribeTrustStoreRevocations", "<TrustStoreRevocations>" + revocation(1) + revocation(2)
                + "</TrustStoreRevocations>");
        waf("ListWebACLs", null, "{\"NextMarker\":null,\"WebACLs\":[" + acl("edge", ACL) + "," + acl("other", OTHER_ACL)
                + "]}");
        waf("ListResourcesForWebACL", null, "{\"ResourceArns\":[]}");
        waf("ListResourcesForWebACL", "APPLICATION_LOAD_BALANCER", "{\"ResourceArns\":[\"" + ALB + "\",\"" + OTHER_ALB
                + "\"]}");
        aws.stubFor(get(urlPathEqualTo("/")).atPriority(5).withQueryParam("max-directory-buckets", matching("\\d+"))
                .willReturn(xml("<ListAllMyDirectoryBucketsResult" + S3_XMLNS + "><Buckets>"
                        + "<Bucket><Name>logs--use1-az4--x-s3</Name><CreationDate>2024-11-01T00:00:00.000Z</CreationDate></Bucket>"
                        + "<Bucket><Name>scratch--use1-az5--x-s3</Name><CreationDate>2024-11-02T00:00:00.000Z</CreationDate></Bucket>"
                        + "</Buckets></ListAllMyDirectoryBucketsResult>")));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void whatTheStateHoldsIsInSyncWhatItLostIsMissingAndWhatWasMadeByHandIsUnmanaged() {
        Map<String, String> findings = statuses(reconcile(state(Map.of())));

        assertThat(findings).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                // The table's propagating_vgws in state predates the separate propagation: not a change.
                Map.entry("aws_route_table.private", "IN_SYNC"),
                Map.entry("aws_route_table.inline", "IN_SYNC"),
                Map.entry("aws_route_table rtb-2", "UNMANAGED"),
                Map.entry("aws_vpn_gateway_route_propagation.private", "IN_SYNC"),
                Map.entry("aws_vpn_gateway_route_propagation.gone", "MISSING"),
                Map.entry("aws_vpn_gateway_route_propagation rtb-2_vgw-2", "UNMANAGED"),
                Map.entry("aws_vpc_block_public_access_options.this", "IN_SYNC"),
                Map.entry("aws_vpc_block_public_access_exclusion.web", "IN_SYNC"),
                Map.entry("aws_vpc_block_public_access_exclusion.gone", "MISSING"),
                Map.entry("aws_vpc_block_public_access_exclusion exclusion-0b2", "UNMANAGED"),
                Map.entry("aws_lb_trust_store.mtls", "IN_SYNC"),
                Map.entry("aws_lb_trust_store " + OTHER_STORE, "UNMANAGED"),
                Map.entry("aws_lb_trust_store_revocation.crl", "IN_SYNC"),
                Map.entry("aws_lb_trust_store_revocation.gone", "MISSING"),
                Map.entry("aws_lb_trust_store_revocation " + STORE + ",2", "UNMANAGED"),
                Map.entry("aws_wafv2_web_acl_association.web", "IN_SYNC"),
                Map.entry("aws_wafv2_web_acl_association.gone", "MISSING"),
                Map.entry("aws_wafv2_web_acl_association " + ACL + "," + OTHER_ALB, "UNMANAGED"),
                Map.entry("aws_s3_directory_bucket.logs", "IN_SYNC"),
                Map.entry("aws_s3_directory_bucket.gone", "MISSING"),
                Map.entry("aws_s3_directory_bucket scratch--use1-az5--x-s3", "UNMANAGED")));
    }

    @Test
    void consoleChangesShowOnTheAttributeTheyChange() {
        List<Finding> findings = reconcile(state(Map.of(
                "block_mode", "block-bidirectional",
                "exclusion_mode", "allow-bidirectional",
                "exclusion_name", "api",
                "store_env", "dev")));

        TreeSet<String> changed = new TreeSet<>();
        findings.forEach(finding -> finding.diffs().forEach(diff -> changed.add(finding.address() + " " + diff.dottedPath())));
        assertThat(changed).containsExactly(
                "aws_lb_trust_store.mtls tags.Env",
                "aws_vpc_block_public_access_exclusion.web internet_gateway_exclusion_mode",
                "aws_vpc_block_public_access_exclusion.web tags.Name",
                "aws_vpc_block_public_access_options.this internet_gateway_block_mode");
    }

    @Test
    void childrenAreAskedForOnlyUnderTheParentsAStateManages() {
        reconcile(state(Map.of()));

        aws.verify(6, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(WAF + "ListResourcesForWebACL"))
                .withRequestBody(containing(ACL)));
        aws.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(OTHER_ACL))
                .withHeader("X-Amz-Target", equalTo(WAF + "ListResourcesForWebACL")));
        aws.verify(1, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeTrustStoreRevocations")));
        // Tags only for the managed store.
        aws.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTags"))
                .withRequestBody(containing("by-hand")));
    }

    @Test
    void theRegionsOffSettingIsNoResourceUnlessManagedOrStrict() {
        ec2("DescribeVpcBlockPublicAccessOptions", "<vpcBlockPublicAccessOptions><awsAccountId>" + ACCOUNT
                + "</awsAccountId><awsRegion>us-east-1</awsRegion><state>default-state</state>"
                + "<internetGatewayBlockMode>off</internetGatewayBlockMode></vpcBlockPublicAccessOptions>");
        Collector options = Collectors.forType("aws_vpc_block_public_access_options").orElseThrow();
        ManagedState none = new ManagedState(Map.of());

        try (AwsSession session = session()) {
            assertThat(options.list(new CollectorContext(session, ACCOUNT, MotoAws.REGION, false, none))).isEmpty();
            assertThat(options.list(new CollectorContext(session, ACCOUNT, MotoAws.REGION, true, none)))
                    .extracting(live -> live.id()).containsExactly("us-east-1");
        }
    }

    private AwsSession session() {
        return AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()), MotoAws.CREDENTIALS, MotoAws.FAST);
    }

    private void ec2(String action, String content) {
        aws.stubFor(post(urlEqualTo("/")).atPriority(5).withRequestBody(containing("Action=" + action + "&"))
                .willReturn(xml("<" + action + "Response" + EC2_XMLNS + "><requestId>r</requestId>" + content
                        + "</" + action + "Response>")));
    }

    private void elb(String action, String content) {
        aws.stubFor(post(urlEqualTo("/")).atPriority(5).withRequestBody(containing("Action=" + action + "&"))
                .willReturn(xml("<" + action + "Response" + ELB_XMLNS + "><" + action + "Result>" + content + "</"
                        + action + "Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" + action
                        + "Response>")));
    }

    private void waf(String operation, String resourceType, String json) {
        var request = post(urlEqualTo("/")).atPriority(resourceType == null ? 5 : 1)
                .withHeader("X-Amz-Target", equalTo(WAF + operation));
        if (resourceType != null) {
            request = request.withRequestBody(containing("\"ResourceType\":\"" + resourceType + "\""));
        }
        aws.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(json)));
    }

    private static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
    }

    private static String routeTable(String id, String gateway) {
        return "<item><routeTableId>" + id + "</routeTableId><vpcId>vpc-1</vpcId><ownerId>" + ACCOUNT + "</ownerId>"
                + "<routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId>"
                + "<state>active</state><origin>CreateRouteTable</origin></item></routeSet><associationSet/>"
                + "<propagatingVgwSet><item><gatewayId>" + gateway + "</gatewayId></item></propagatingVgwSet>"
                + "<tagSet/></item>";
    }

    private static String exclusion(String id, String mode, String resource, String state, String tags) {
        return "<item><exclusionId>" + id + "</exclusionId><internetGatewayExclusionMode>" + mode
                + "</internetGatewayExclusionMode><resourceArn>arn:aws:ec2:us-east-1:" + ACCOUNT + ":" + resource
                + "</resourceArn><state>" + state + "</state><tagSet>" + tags + "</tagSet></item>";
    }

    private static String store(String name, String arn) {
        return "<member><Name>" + name + "</Name><TrustStoreArn>" + arn + "</TrustStoreArn><Status>ACTIVE</Status>"
                + "<NumberOfCaCertificates>1</NumberOfCaCertificates><TotalRevokedEntries>3</TotalRevokedEntries></member>";
    }

    private static String revocation(int id) {
        return "<member><TrustStoreArn>" + STORE + "</TrustStoreArn><RevocationId>" + id + "</RevocationId>"
                + "<RevocationType>CRL</RevocationType><NumberOfRevokedEntries>2</NumberOfRevokedEntries></member>";
    }

    private static String acl(String name, String arn) {
        return "{\"Name\":\"" + name + "\",\"Id\":\"" + arn.substring(arn.lastIndexOf('/') + 1) + "\",\"ARN\":\"" + arn
                + "\",\"Description\":\"\",\"LockToken\":\"t\"}";
    }

    /** Lists the types as a scan of {@code state} does and reconciles. */
    private List<Finding> reconcile(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        List<ListingOutcome> outcomes = new ArrayList<>();
        try (AwsSession session = session()) {
            for (String type : TYPES) {
                Collector collector = Collectors.forType(type).orElseThrow();
                outcomes.add(new ListingOutcome.Listed(new ListingScope(ACCOUNT, MotoAws.REGION, type),
                        collector.list(new CollectorContext(session, ACCOUNT, MotoAws.REGION, false, managed))));
            }
        }
        return reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings();
    }

    /** Each finding's status by address, or by "type id" when no state holds it. */
    private static Map<String, String> statuses(List<Finding> findings) {
        Map<String, String> byWho = new HashMap<>();
        findings.forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f.status().name()));
        return byWho;
    }

    /**
     * The state provider 5.100.0 writes for these resources (every schema attribute), with the values of
     * {@code changes} in place of those of the live objects.
     */
    private static StateSnapshot state(Map<String, Object> changes) {
        List<StateResource> resources = new ArrayList<>();
        resources.add(resource("aws_route_table", "private", "rtb-1", Map.of("vpc_id", "vpc-1", "route", List.of(),
                "propagating_vgws", List.of(), "tags", Map.of())));
        resources.add(resource("aws_route_table", "inline", "rtb-3", Map.of("vpc_id", "vpc-1", "route", List.of(),
                "propagating_vgws", List.of("vgw-3"), "tags", Map.of())));
        resources.add(resource("aws_vpn_gateway_route_propagation", "private", "rtb-1_vgw-1",
                Map.of("route_table_id", "rtb-1", "vpn_gateway_id", "vgw-1")));
        resources.add(resource("aws_vpn_gateway_route_propagation", "gone", "rtb-1_vgw-9",
                Map.of("route_table_id", "rtb-1", "vpn_gateway_id", "vgw-9")));
        resources.add(resource("aws_vpc_block_public_access_options", "this", "us-east-1", Map.of(
                "aws_account_id", ACCOUNT, "aws_region", "us-east-1",
                "internet_gateway_block_mode", changes.getOrDefault("block_mode", "block-ingress"))));
        resources.add(resource("aws_vpc_block_public_access_exclusion", "web", "exclusion-0a1", Map.of(
                "internet_gateway_exclusion_mode", changes.getOrDefault("exclusion_mode", "allow-egress"),
                "resource_arn", "arn:aws:ec2:us-east-1:" + ACCOUNT + ":vpc/vpc-1", "vpc_id", "vpc-1",
                "tags", Map.of("Name", changes.getOrDefault("exclusion_name", "web")),
                "tags_all", Map.of("Name", changes.getOrDefault("exclusion_name", "web")))));
        resources.add(resource("aws_vpc_block_public_access_exclusion", "gone", "exclusion-0ff", Map.of(
                "internet_gateway_exclusion_mode", "allow-egress", "subnet_id", "subnet-9", "tags", Map.of())));
        resources.add(resource("aws_lb_trust_store", "mtls", STORE, Map.of("arn", STORE, "name", "mtls",
                "ca_certificates_bundle_s3_bucket", "pki", "ca_certificates_bundle_s3_key", "ca.pem",
                "tags", Map.of("Env", changes.getOrDefault("store_env", "prod")),
                "tags_all", Map.of("Env", changes.getOrDefault("store_env", "prod")))));
        resources.add(resource("aws_lb_trust_store_revocation", "crl", STORE + ",1", Map.of("trust_store_arn", STORE,
                "revocation_id", 1, "revocations_s3_bucket", "pki", "revocations_s3_key", "crl.pem")));
        resources.add(resource("aws_lb_trust_store_revocation", "gone", STORE + ",7", Map.of("trust_store_arn", STORE,
                "revocation_id", 7, "revocations_s3_bucket", "pki", "revocations_s3_key", "old.pem")));
        resources.add(resource("aws_wafv2_web_acl_association", "web", ACL + "," + ALB,
                Map.of("web_acl_arn", ACL, "resource_arn", ALB)));
        String goneAlb = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":loadbalancer/app/gone/1f2e";
        resources.add(resource("aws_wafv2_web_acl_association", "gone", ACL + "," + goneAlb,
                Map.of("web_acl_arn", ACL, "resource_arn", goneAlb)));
        resources.add(resource("aws_s3_directory_bucket", "logs", "logs--use1-az4--x-s3", directoryBucket("logs", "use1-az4")));
        resources.add(resource("aws_s3_directory_bucket", "gone", "gone--use1-az4--x-s3", directoryBucket("gone", "use1-az4")));
        return new StateSnapshot("edge.tfstate", 1, "edge", "1.11.4", resources);
    }

    private static Map<String, Object> directoryBucket(String base, String zone) {
        String name = base + "--" + zone + "--x-s3";
        return Map.of("bucket", name, "arn", "arn:aws:s3express:us-east-1:" + ACCOUNT + ":bucket/" + name,
                "data_redundancy", "SingleAvailabilityZone", "type", "Directory", "force_destroy", false,
                "location", List.of(Map.of("name", zone, "type", "AvailabilityZone")));
    }

    private static StateResource resource(String type, String name, String id, Map<String, Object> attributes) {
        Map<String, Object> withId = new HashMap<>(attributes);
        withId.put("id", id);
        return new StateResource(type + "." + name, "", type, name, id, "edge.tfstate", withId);
    }
}
