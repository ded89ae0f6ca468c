package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.driftdeck.testing.MigratedDatabase;
import dev.driftdeck.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScanRepositoryTest {

    @RegisterExtension
    final MigratedDatabase database;
    Database db;
    ScanRepository scans;

    ScanRepositoryTest(TestDatabase kind) {
        database = new MigratedDatabase(kind);
    }

    @BeforeEach
    void openRepository() {
        db = database.db();
        scans = new ScanRepository(db);
    }

    @Test
    void emptyDatabaseHasNoLatestScan() {
        assertThat(scans.latest()).isEmpty();
        assertThat(scans.load(1)).isEmpty();
        assertThat(scans.recent(10)).isEmpty();
    }

    @Test
    void reportRoundTripsExactly() {
        ScanReport report = Reports.everyStatus(Reports.STARTED);

        long id = scans.save(report);

        assertThat(scans.load(id)).contains(report);
        assertThat(scans.latest()).contains(new StoredScan(id, report));
    }

    @Test
    void reportReadBackFromAReopenedFileIsEqual() {
        ScanReport report = Reports.everyStatus(Reports.STARTED);
        long id = scans.save(report);

        db = database.reopen();
        assertThat(new ScanRepository(db).load(id)).contains(report);
    }

    @Test
    void recentSummarisesNewestFirstWithCountsAndCoverage() {
        long oldest = scans.save(Reports.inSync(Reports.STARTED.minusSeconds(900), 20));
        long older = scans.save(Reports.everyTenthChanged(Reports.STARTED, 20));
        long newer = scans.save(Reports.everyStatus(Reports.STARTED.plusSeconds(900)));

        List<ScanSummary> recent = scans.recent(10);

        assertThat(recent).extracting(ScanSummary::id).containsExactly(newer, older, oldest);
        ScanSummary latest = recent.getFirst();
        assertThat(latest.outcome()).isEqualTo(ScanOutcome.PARTIAL);
        assertThat(latest.alerts()).isEqualTo(2);
        for (FindingStatus status : FindingStatus.values()) {
            assertThat(latest.count(status)).as(status.name()).isEqualTo(1);
        }
        assertThat(latest.coverage()).isEqualTo(Reports.everyStatus(Reports.STARTED).coverage());
        assertThat(recent.get(1).outcome()).isEqualTo(ScanOutcome.COMPLETE);
        assertThat(recent.get(1).count(FindingStatus.CHANGED)).isEqualTo(2);
        assertThat(recent.get(2).count(FindingStatus.IN_SYNC)).isEqualTo(20);
        assertThat(recent.get(2).count(FindingStatus.CHANGED)).isZero();
        assertThat(scans.recent(1)).hasSize(1);
    }

    @Test
    void aSaveThatFailsAtTheLastFindingLeavesNothingAndThePreviousScanLatest() throws Exception {
        ScanReport previous = Reports.everyStatus(Reports.STARTED);
        long previousId = scans.save(previous);
        ScanReport big = Reports.everyTenthChanged(Reports.STARTED.plusSeconds(900), 12_000);
        List<Finding> findings = new ArrayList<>(big.findings());
        // type is NOT NULL: the row is rejected only when the last batch reaches H2.
        findings.add(new Finding(FindingStatus.UNMANAGED, null, "x", null, null, null, null, List.of(), null));
        ScanReport broken = new ScanReport(big.startedAt(), big.finishedAt(), big.sources(), findings,
                Reports.everyStatus(Reports.STARTED).alerts(), big.apiCalls(), big.accounts(), big.regions());

        assertThatThrownBy(() -> scans.save(broken))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("nothing of it was kept");

        assertThat(scans.latest()).contains(new StoredScan(previousId, previous));
        assertThat(scans.recent(10)).extracting(ScanSummary::id).containsExactly(previousId);
        try (Connection connection = db.connection(); Statement sql = connection.createStatement()) {
            for (String table : List.of("scans", "findings", "finding_diffs", "alerts", "scan_sources")) {
                try (ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE "
                        + (table.equals("scans") ? "id" : "scan_id") + " <> " + previousId)) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("rows of the failed scan in " + table).isZero();
                }
            }
        }
    }

    @Test
    void pruningDropsOldAndSurplusScansWithTheirRowsButKeepsTheLatest() throws Exception {
        long first = scans.save(Reports.everyStatus(Reports.STARTED));
        long second = scans.save(Reports.everyStatus(Reports.STARTED.plusSeconds(900)));
        long third = scans.save(Reports.everyStatus(Reports.STARTED.plusSeconds(1800)));

        assertThat(scans.prune(Reports.STARTED.plusSeconds(1), 10)).isOne();
        assertThat(scans.recent(10)).extracting(ScanSummary::id).containsExactly(third, second);
        assertThat(scans.prune(Reports.STARTED.plusSeconds(1), 1)).isOne();
        assertThat(scans.prune(Reports.STARTED.plusSeconds(99_999), 1)).as("the latest scan stays").isZero();

        assertThat(scans.latest()).map(StoredScan::id).contains(third);
        try (Connection connection = db.connection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM finding_diffs WHERE scan_id IN ("
                     + first + ", " + second + ")")) {
            rows.next();
            assertThat(rows.getLong(1)).as("diffs of pruned scans").isZero();
        }
    }

    @Test
    void hundredThousandFindingsPersistAndLoadWhole() {
        ScanReport report = Reports.everyTenthChanged(Reports.STARTED, 100_000);

        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = cpu.getCurrentThreadCpuTime();
        long id = scans.save(report);
        long saveMillis = (System.nanoTime() - started) / 1_000_000;
        long saveCpuMillis = (cpu.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
        started = System.nanoTime();
        ScanReport loaded = scans.load(id).orElseThrow();
        long loadMillis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("100,000 findings (10,000 with a diff): save %d ms (%d ms CPU of this thread), load %d ms%n",
                saveMillis, saveCpuMillis, loadMillis);
        assertThat(loaded).isEqualTo(report);
    }
}
