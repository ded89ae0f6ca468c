package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.testing.MigratedDatabase;
import dev.driftdeck.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** V6: severity and risks are stored with each finding, read back whole, and counted per scan in the history for trends. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class FindingSeverityStoreTest {

    private static final Risk SSH = new Risk("DD-SG-001", Severity.HIGH, "SSH (22) open to the internet (0.0.0.0/0)",
            "Anyone can try passwords.", "Remove the rule.", List.of("EC2.13", "CIS 5.2"), Risk.Effect.INTRODUCED);
    private static final Risk CLOSED = new Risk("DD-SG-002", Severity.HIGH, "RDP (3389) open to the internet",
            "why", "fix", List.of(), Risk.Effect.FIXED);

    @RegisterExtension
    final MigratedDatabase database;
    private ScanRepository scans;

    FindingSeverityStoreTest(TestDatabase kind) {
        database = new MigratedDatabase(kind);
    }

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

        List<ScanSummary> history = scans.recent(10);

        assertThat(history).extracting(ScanSummary::id).containsExactly(newer, older);
        // changed instance LOW, missing queue MEDIUM, unmanaged role MEDIUM (+ the group, HIGH, in the newer scan)
        assertThat(history.get(1).driftAtLeast(Severity.INFO)).isEqualTo(3);
        assertThat(history.get(1).driftAtLeast(Severity.MEDIUM)).isEqualTo(2);
        assertThat(history.get(0).driftAtLeast(Severity.HIGH)).isEqualTo(1);
        assertThat(history.get(0).driftAtLeast(Severity.CRITICAL)).isZero();
        assertThat(history.get(0).driftAtLeast(null)).isEqualTo(history.get(0).drift()).isEqualTo(4);
        // the same counts a summary of the report in memory gives (InMemoryServices, the console's tests)
        assertThat(history.get(0).driftBySeverity())
                .isEqualTo(ScanSummary.of(newer, scans.load(newer).orElseThrow()).driftBySeverity());
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
