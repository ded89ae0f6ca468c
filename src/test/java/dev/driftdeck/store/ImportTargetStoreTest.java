package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ImportTarget;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MigratedDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** V12: an unmanaged finding's import target (import id or refusal, suggested name) is stored and read back whole. */
class ImportTargetStoreTest {

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();
    private ScanRepository scans;

    @BeforeEach
    void openRepository() {
        scans = new ScanRepository(database.db());
    }

    @Test
    void importTargetsRoundTripWithTheirFindings() {
        ScanReport report = withImportTargets(Reports.everyStatus(Reports.STARTED));

        long id = scans.save(report);

        List<Finding> stored = scans.load(id).orElseThrow().findings();
        assertThat(stored).isEqualTo(report.findings());
        assertThat(stored).extracting(Finding::importTarget).contains(
                ImportTarget.importable("https://sqs.us-east-1.amazonaws.com/1/orders", "orders"),
                ImportTarget.refused("admins", "the provider cannot import it"));
    }

    @Test
    void aScanStoredBeforeV12HasNoImportTargets() throws Exception {
        long id = scans.save(withImportTargets(Reports.everyStatus(Reports.STARTED)));
        try (Connection connection = database.db().connection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE findings SET import_id = NULL, import_refusal = NULL, import_name = NULL");
        }

        assertThat(scans.load(id).orElseThrow().findings()).extracting(Finding::importTarget).containsOnlyNulls();
    }

    private static ScanReport withImportTargets(ScanReport report) {
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.add(new Finding(FindingStatus.UNMANAGED, "aws_sqs_queue", "arn:aws:sqs:us-east-1:1:orders", null, "1",
                "us-east-1", null, List.of(), null)
                .withImportTarget(ImportTarget.importable("https://sqs.us-east-1.amazonaws.com/1/orders", "orders")));
        findings.add(new Finding(FindingStatus.UNMANAGED, "aws_iam_group_membership", "admins", null, "1", "global",
                null, List.of(), null).withImportTarget(ImportTarget.refused("admins", "the provider cannot import it")));
        return new ScanReport(report.startedAt(), report.finishedAt(), report.sources(), findings, report.alerts(),
                report.apiCalls(), report.accounts(), report.regions());
    }
}
