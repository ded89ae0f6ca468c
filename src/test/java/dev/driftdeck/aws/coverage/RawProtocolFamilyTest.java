package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MotoGaps;
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
 * The types read through the signed-request client (no SDK module here) end to end: real Terraform applies
 * {@code fixtures/terraform/raw} to moto (EFS over REST-JSON, WAFv2 over JSON 1.1, classic ELB over the query
 * protocol), a scan finds it all in sync with only declared read calls, and console-style edits, deletions and
 * hand-made objects are reported exactly. Application Auto Scaling and EFS backup policies are not here (moto 5.2.1
 * has no ListTagsForResource for the one, which the provider polls forever, and no PutBackupPolicy for the other):
 * {@code RawProtocolWireMockTest} covers them.
 */
@PrivateMoto
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RawProtocolFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_efs_file_system", "aws_efs_mount_target", "aws_efs_access_point",
            "aws_wafv2_web_acl", "aws_elb");
    /** The family's types moto cannot hold (see the class comment), covered by RawProtocolWireMockTest. */
    static final Set<String> NOT_ON_MOTO = Set.of("aws_efs_backup_policy", "aws_appautoscaling_target",
            "aws_appautoscaling_policy", "aws_appautoscaling_scheduled_action");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("raw");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.alerts()).filteredOn(alert -> !MotoGaps.NOT_LISTABLE_TYPES.contains(alert.type())).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
    }

    @Test
    @Order(2)
    void consoleEditsDeletionsAndHandMadeObjectsAreReportedExactly() throws Exception {
        List<String> expected = RawProtocolFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.alerts()).filteredOn(alert -> !MotoGaps.NOT_LISTABLE_TYPES.contains(alert.type())).isEmpty();
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
    }
}
