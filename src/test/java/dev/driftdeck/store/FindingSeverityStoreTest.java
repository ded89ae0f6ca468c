package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.testing.MigratedDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** V6: severity and risks are stored with each finding, read back whole, and counted per scan for trends. */
class FindingSeverityStoreTest {

    private static final Risk SSH = new Risk("DD-SG-001", Severity.HIGH, "SSH (22) open to the internet (0.0.0.0/0)",
            "Anyone can try passwords.", "Remove the rule.", List.of("EC2.13", "CIS 5.2"), Risk.Effect.INTRODUCED);
    private static final Risk CLOSED = new Risk("DD-SG-002", Severity.HIGH, "RDP (3389) open to the internet",
            "why", "fix", List.of(), Risk.Effect.FIXED);

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();
    private ScanRepository scans;

    @BeforeEach
    void openRepository() {
        scans = new ScanRepository(database.db());
    }

    @Test
    void severityAndRisksRoundTripWithTheFinding() {
        ScanReport report = withRiskyGroup(Reports.everyStatus(Reports.STARTED));

        long id = scans.save(report);

        List<Finding> stored = scans.load(id).orElseThrow().findings();
        assertThat(stored).isEqualTo(report.findings());
        Finding group = stored.stream().filter(f -> f.id().equals("sg-1")).findFirst().orElseThrow();
        assertThat(group.severity()).isEqualTo(Severity.HIGH);
        assertThat(group.risks()).containsExactly(SSH, CLOSED);
    }

    @Test
    void aScanStoredBeforeV6ReadsWithTheDefaultSeverity() throws Exception {
        long id = scans.save(Reports.everyStatus(Reports.STARTED));
        try (Connection connection = database.db().connection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE findings SET severity = NULL, risks = NULL");
        }

        List<Finding> stored = scans.load(id).orElseThrow().findings();

        assertThat(stored).filteredOn(f -> f.status() == FindingStatus.MISSING).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.MEDIUM);
        assertThat(stored).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).singleElement()
                .extracting(Finding::severity).isNull();
    }

    @Test
    void driftIsCountedPerSeverityNewestScanFirst() {
        long older = scans.save(Reports.everyStatus(Reports.STARTED));
        long newer = scans.save(withRiskyGroup(Reports.everyStatus(Reports.STARTED.plusSeconds(600))));

        List<SeverityCounts> counts = scans.driftBySeverity(10);

        assertThat(counts).extracting(SeverityCounts::scanId).containsExactly(newer, older);
        // changed instance LOW, missing queue MEDIUM, unmanaged role MEDIUM (+ the group, HIGH, in the newer scan)
        assertThat(counts.get(1).atLeast(Severity.INFO)).isEqualTo(3);
        assertThat(counts.get(1).atLeast(Severity.MEDIUM)).isEqualTo(2);
        assertThat(counts.get(0).atLeast(Severity.HIGH)).isEqualTo(1);
        assertThat(counts.get(0).atLeast(Severity.CRITICAL)).isZero();
    }

    private static ScanReport withRiskyGroup(ScanReport report) {
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.add(new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-1", "aws_security_group.web",
                "123456789012", "eu-west-1", "states/app.tfstate", List.of(new dev.driftdeck.drift.AttributeDiff(
                List.of("ingress"), "[]", "[{\"from_port\":22}]", dev.driftdeck.drift.DiffKind.CHANGED)), null)
                .withRisks(List.of(SSH, CLOSED)));
        return new ScanReport(report.startedAt(), report.finishedAt(), report.sources(), findings, report.alerts(),
                report.apiCalls(), report.accounts(), report.regions());
    }
}
