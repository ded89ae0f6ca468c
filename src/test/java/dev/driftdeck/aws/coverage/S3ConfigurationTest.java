package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.PrivateMoto;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The S3 bucket configurations of provider v4+ end to end: real Terraform applies
 * {@code fixtures/terraform/s3-configuration} to moto, a scan finds every configuration in sync under the id
 * Terraform wrote, and console-style edits, deletions and hand-made configurations are reported exactly.
 * Request payment, metrics, analytics and intelligent tiering are not in the fixture: moto 5.2.1 answers their
 * reads with a bucket listing, so S3ConfigurationWireMockTest covers them with AWS's documented responses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PrivateMoto
class S3ConfigurationTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_s3_bucket_ownership_controls", "aws_s3_bucket_acl",
            "aws_s3_bucket_cors_configuration", "aws_s3_bucket_website_configuration", "aws_s3_bucket_logging",
            "aws_s3_bucket_notification", "aws_s3_bucket_replication_configuration",
            "aws_s3_bucket_object_lock_configuration", "aws_s3_bucket_accelerate_configuration",
            "aws_s3_bucket_inventory");

    /** The types no Terraform apply against moto can cover (see S3ConfigurationWireMockTest). */
    static final Set<String> NOT_ON_MOTO = Set.of("aws_s3_bucket_request_payment_configuration",
            "aws_s3_bucket_metric", "aws_s3_bucket_analytics_configuration",
            "aws_s3_bucket_intelligent_tiering_configuration");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("s3-configuration");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncUnderTerraformsIdsWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
        // Terraform's ids as it wrote them: the ACL's carries the canned ACL, an inventory's its name.
        assertThat(fixture.id("aws_s3_bucket_acl.site")).isEqualTo("s3cfg-site,private");
        assertThat(fixture.id("aws_s3_bucket_inventory.site[1]")).isEqualTo("s3cfg-site:inventory-1");
        assertThat(report.findings()).filteredOn(f -> "aws_s3_bucket_inventory.site[1]".equals(f.address()))
                .extracting(Finding::id).containsExactly("s3cfg-site:inventory-1");
    }

    @Test
    @Order(2)
    void consoleEditsDeletionsAndHandMadeConfigurationsAreReportedExactly() {
        List<String> expected = S3ConfigurationDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the fixture is drifted, deleted or added to").containsAll(TYPES);
    }

    @Test
    @Order(3)
    void strictAlsoReportsAwsDefaultOwnershipControlsOfAManagedBucket() {
        TreeSet<String> lenient = CoverageFixture.drift(fixture.scan(false));
        TreeSet<String> strict = CoverageFixture.drift(fixture.scan(true));

        strict.removeAll(lenient);
        // Only S3 here: every other type keeps its own AWS defaults under --strict (moto's default VPC...).
        assertThat(strict).filteredOn(line -> line.contains(" aws_s3_")).containsExactly("UNMANAGED aws_s3_bucket_ownership_controls s3cfg-replica");
    }
}
