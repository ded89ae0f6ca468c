package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.aws.Collectors;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PrivateMoto;
import dev.driftdeck.testing.TerraformApply;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * Driftdeck against {@code terraform plan -refresh-only} on a stack built from vendored community modules
 * (terraform-aws-modules vpc 5.21.0, security-group 5.3.1, s3-bucket 4.11.0, ec2-instance 5.8.0, alb 9.17.0;
 * fixtures/terraform/community): right after the first apply (before any refresh) and after a refresh every resource
 * is checked and in sync, and after the edits an operator makes in the console both tools name the same changed
 * addresses and attributes (and the same deleted ones). Refresh-only cannot see what nobody manages; Driftdeck's
 * UNMANAGED findings are asserted on their own. The service modules are {@link RefreshOnlyServicesTest}.
 */
@PrivateMoto
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshOnlyComparisonTest {

    private static final String VPC = "module.vpc.aws_vpc.this[0]";
    private static final String PUBLIC_SUBNET = "module.vpc.aws_subnet.public[0]";
    private static final String WEB_SG = "module.web_sg.aws_security_group.this_name_prefix[0]";
    private static final String BUCKET = "module.logs_bucket.aws_s3_bucket.this[0]";
    private static final String INSTANCE = "module.app_instance.aws_instance.this[0]";
    private static final String ALB = "module.alb.aws_lb.this[0]";
    private static final String LISTENER = "module.alb.aws_lb_listener.this[\"http\"]";
    private static final String TARGET_GROUP = "module.alb.aws_lb_target_group.this[\"app\"]";

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.applyWithoutRefresh("community");
    }

    /**
     * The state a first apply leaves holds what the configuration said where the provider did not read it back: the
     * default NACL's icmp_code null (AWS: 0), the SSE rule's bucket_key_enabled null (AWS: false), the public route
     * table without the route the separate aws_route added after it, the security groups without the rules their
     * separate rule resources added after them. Terraform plans no change for any of these.
     */
    @Test
    @Order(1)
    void rightAfterTheFirstApplyBeforeAnyRefreshNothingHasDrifted() throws Exception {
        try {
            ScanReport report = fixture.scan();

            assertThat(CoverageFixture.drift(report)).isEmpty();
        } finally {
            fixture = fixture.refreshed();
        }
    }

    @Test
    @Order(2)
    void rightAfterApplyEveryModuleResourceIsCheckedAndInSync() throws Exception {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.address() != null)
                .allSatisfy(f -> assertThat(f.status()).as(f.address()).isEqualTo(FindingStatus.IN_SYNC));
        assertThat(fixture.byAddress.values()).extracting(resource -> resource.type()).allSatisfy(type ->
                assertThat(Collectors.supportedTypes()).as("a type the modules create").contains(type));
        assertThat(RefreshOnly.terraform(refreshOnlyPlan())).as("terraform plan -refresh-only").isEmpty();
    }

    @Test
    @Order(3)
    void consoleEditsAreTheSameDriftForDriftdeckAndRefreshOnly() throws Exception {
        String group = fixture.id(WEB_SG);
        String bucket = fixture.id(BUCKET);
        String handMadeGroup;
        try (Ec2Client ec2 = MotoClients.ec2(); S3Client s3 = MotoClients.s3();
             ElasticLoadBalancingV2Client elb = MotoClients.of(ElasticLoadBalancingV2Client.builder())) {
            String instance = fixture.id(INSTANCE);
            ec2.modifyInstanceAttribute(r -> r.instanceId(instance).instanceType(v -> v.value("t3.small")));
            ec2.modifyInstanceAttribute(r -> r.instanceId(instance).disableApiTermination(v -> v.value(false)));
            // IMDSv2 made optional; moto resets what the call leaves out, so the rest is sent as it was
            ec2.modifyInstanceMetadataOptions(r -> r.instanceId(instance).httpTokens(HttpTokensState.OPTIONAL)
                    .httpEndpoint(InstanceMetadataEndpointState.ENABLED).httpPutResponseHopLimit(1));
            elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(fixture.id(ALB)).attributes(
                    LoadBalancerAttribute.builder().key("deletion_protection.enabled").value("false").build()));
            elb.modifyListener(r -> r.listenerArn(fixture.id(LISTENER)).defaultActions(Action.builder()
                    .type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(f -> f.statusCode("503")
                            .contentType("text/plain").messageBody("maintenance")).build()));
            elb.modifyTargetGroup(r -> r.targetGroupArn(fixture.id(TARGET_GROUP)).healthCheckPath("/status"));
            handMadeGroup = ec2.createSecurityGroup(r -> r.groupName("by-hand").description("by hand")
                    .vpcId(fixture.id(VPC))).groupId();
            ec2.modifyVpcAttribute(r -> r.vpcId(fixture.id(VPC)).enableDnsHostnames(v -> v.value(false)));
            ec2.modifySubnetAttribute(r -> r.subnetId(fixture.id(PUBLIC_SUBNET)).mapPublicIpOnLaunch(v -> v.value(true)));
            ec2.createTags(r -> r.resources(group).tags(t -> t.key("Environment").value("prod")));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0")).build()));
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
            s3.deletePublicAccessBlock(r -> r.bucket(bucket));
        }

        ScanReport report = fixture.scan();
        Map<String, TreeSet<String>> terraform = RefreshOnly.terraform(refreshOnlyPlan());
        Map<String, TreeSet<String>> driftdeck = RefreshOnly.driftdeck(report);

        assertThat(driftdeck).as("Driftdeck's drift by address (refresh-only's: %s)", terraform).isEqualTo(terraform);
        // The hand-added port 22 rule is the managed group's business (its ingress is CHANGED, as refresh-only says),
        // not an unmanaged rule; the hand-made group is, but not the allow-all egress AWS gave it.
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.UNMANAGED)
                .extracting(f -> f.type() + " " + f.id()).containsExactly("aws_security_group " + handMadeGroup);
        // the versioning change names the bucket's copy that refresh-only also reports
        assertThat(report.findings()).filteredOn(f -> f.type().equals("aws_s3_bucket_versioning"))
                .singleElement().extracting(Finding::note).asString().endsWith("on " + BUCKET + " (versioning)");
    }

    private static String refreshOnlyPlan() throws Exception {
        return TerraformApply.refreshOnlyPlanJson(fixture.state.getParent(), MotoServer.current().endpoint());
    }
}
