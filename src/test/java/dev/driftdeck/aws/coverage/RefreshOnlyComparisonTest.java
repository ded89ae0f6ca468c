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
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * Driftdeck against {@code terraform plan -refresh-only} on a stack built from vendored community modules
 * (terraform-aws-modules vpc 5.21.0, security-group 5.3.1, s3-bucket 4.11.0; fixtures/terraform/community): right
 * after apply every resource is checked and in sync, and after the edits an operator makes in the console both tools
 * name the same changed addresses and attributes (and the same deleted ones). Refresh-only cannot see what nobody
 * manages; Driftdeck's UNMANAGED findings are asserted on their own.
 */
@PrivateMoto
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshOnlyComparisonTest {

    private static final String VPC = "module.vpc.aws_vpc.this[0]";
    private static final String PUBLIC_SUBNET = "module.vpc.aws_subnet.public[0]";
    private static final String WEB_SG = "module.web_sg.aws_security_group.this_name_prefix[0]";
    private static final String BUCKET = "module.logs_bucket.aws_s3_bucket.this[0]";

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("community");
    }

    @Test
    @Order(1)
    void rightAfterApplyEveryModuleResourceIsCheckedAndInSync() throws Exception {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.address() != null)
                .allSatisfy(f -> assertThat(f.status()).as(f.address()).isEqualTo(FindingStatus.IN_SYNC));
        assertThat(fixture.byAddress.values()).extracting(resource -> resource.type()).allSatisfy(type ->
                assertThat(Collectors.supportedTypes()).as("a type the modules create").contains(type));
        assertThat(RefreshOnly.terraform(refreshOnlyPlan())).as("terraform plan -refresh-only").isEmpty();
    }

    @Test
    @Order(2)
    void consoleEditsAreTheSameDriftForDriftdeckAndRefreshOnly() throws Exception {
        String group = fixture.id(WEB_SG);
        String bucket = fixture.id(BUCKET);
        try (Ec2Client ec2 = MotoClients.ec2(); S3Client s3 = MotoClients.s3()) {
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
        // not an unmanaged rule; the versioning change names the bucket's copy that refresh-only also reports.
        assertThat(report.findings()).noneMatch(f -> f.status() == FindingStatus.UNMANAGED);
        assertThat(report.findings()).filteredOn(f -> f.type().equals("aws_s3_bucket_versioning"))
                .singleElement().extracting(Finding::note).asString().endsWith("on " + BUCKET + " (versioning)");
    }

    private static String refreshOnlyPlan() throws Exception {
        return TerraformApply.refreshOnlyPlanJson(fixture.state.getParent(), MotoServer.current().endpoint());
    }
}
