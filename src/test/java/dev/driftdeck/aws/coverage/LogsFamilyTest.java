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
 * What lives inside CloudWatch Logs groups, end to end: real Terraform applies {@code fixtures/terraform/cwlogs}
 * (metric filters, log streams, subscription filters as the terraform-aws-modules/cloudwatch submodules set them) to
 * moto, a scan finds it all in sync, and console-style edits, deletions and hand-made additions are reported exactly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PrivateMoto
class LogsFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_cloudwatch_log_metric_filter", "aws_cloudwatch_log_stream",
            "aws_cloudwatch_log_subscription_filter");

    /**
     * Supported, but moto 5.2.1 has none of their APIs (it answers HTTP 500), so Terraform cannot apply them:
     * LogsWireMockTest and CloudWatchWireMockTest cover them.
     */
    static final Set<String> NOT_ON_MOTO = Set.of("aws_cloudwatch_query_definition",
            "aws_cloudwatch_log_data_protection_policy", "aws_cloudwatch_log_account_policy",
            "aws_cloudwatch_log_anomaly_detector", "aws_cloudwatch_composite_alarm", "aws_cloudwatch_metric_stream");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("cwlogs");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
    }

    @Test
    @Order(2)
    void consoleEditsDeletionsAndHandMadeResourcesAreReportedExactly() {
        List<String> expected = LogsFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
    }

    @Test
    @Order(3)
    void handMadeChildrenImportAsTheirGroupAndNameWhateverSlashesEachHolds() {
        ScanReport report = fixture.scan();

        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.UNMANAGED)
                .extracting(f -> f.type() + " " + f.importTarget().id())
                .containsExactlyInAnyOrder("aws_cloudwatch_log_metric_filter /driftdeck/app-1:by-hand",
                        "aws_cloudwatch_log_stream /driftdeck/app-0:by-hand",
                        "aws_cloudwatch_log_stream /driftdeck/app-0:" + LogsFamilyDrift.DATED_STREAM,
                        "aws_cloudwatch_log_subscription_filter /driftdeck/app-1|by-hand");
    }
}
