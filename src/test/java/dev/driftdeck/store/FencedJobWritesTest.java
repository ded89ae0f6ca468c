package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.state.LoadedState;
import dev.driftdeck.store.MaintenanceRepository.AwsAccount;
import dev.driftdeck.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write a scheduled job makes besides the scan and the runs (state-sync's snapshots, the scan's link to
 * them, daily-refresh's pruning, account check and statistics) is a leader write: a leader that lost its lock
 * changes nothing through any of them.
 */
class FencedJobWritesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(365L * 24 * 3600);

    private Database db;

    @BeforeEach
    void openDatabaseWithHistory() {
        db = Database.open(PostgresServer.shared().createDatabase());
        Migrations.migrateAndVerify(db);
        ScanRepository scans = new ScanRepository(db);
        scans.save(Reports.everyStatus(T0));
        scans.save(Reports.everyStatus(T0.plusSeconds(60)));
        JdbcRunStore runs = new JdbcRunStore(db);
        for (int i = 0; i < 2; i++) {
            long run = runs.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0.plusSeconds(i), 0);
            runs.runFinished(run, T0.plusSeconds(i + 1), RunOutcome.SUCCEEDED, null);
        }
        StateSnapshotRepository snapshots = new StateSnapshotRepository(db);
        snapshots.record(List.of(new LoadedState.Failed("s3://states/app.tfstate", "first error")), T0);
        snapshots.record(List.of(new LoadedState.Failed("s3://states/app.tfstate", "second error")), T0.plusSeconds(1));
        new MaintenanceRepository(db).saveAwsAccount(new AwsAccount("111111111111", "arn:aws:iam::111111111111:user/a",
                List.of("eu-west-1"), T0));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void aDeposedLeadersSyncPruningAndAccountCheckStoreNothing() throws Exception {
        Map<String, Long> before = rowCounts();
        try (LeaderLock lock = new LeaderLock(db, "alice@a:1")) {
            Database fenced = db.fencedBy(lock.tryAcquire().orElseThrow());
            lock.release(); // the lock is gone: every write of that term must be refused

            StateSnapshotRepository snapshots = new StateSnapshotRepository(fenced);
            assertFenced(() -> snapshots.record(List.of(new LoadedState.Failed("s3://states/app.tfstate", "third")),
                    LATER));
            assertFenced(() -> snapshots.linkScan(new ScanRepository(db).latest().orElseThrow().id(), LATER));
            assertFenced(() -> snapshots.prune(LATER));
            assertFenced(() -> new ScanRepository(fenced).prune(LATER, 1));
            assertFenced(() -> new JdbcRunStore(fenced).prune(LATER, 1));
            MaintenanceRepository maintenance = new MaintenanceRepository(fenced);
            assertFenced(() -> maintenance.saveAwsAccount(new AwsAccount("222222222222",
                    "arn:aws:iam::222222222222:user/b", List.of("us-east-1"), LATER)));
            assertFenced(maintenance::analyze);
        }
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(new MaintenanceRepository(db).awsAccount().orElseThrow().account()).isEqualTo("111111111111");
        assertThat(new StateSnapshotRepository(db).sources()).singleElement()
                .satisfies(source -> assertThat(source.error()).isEqualTo("second error"));
    }

    @Test
    void theLeaderItselfStillPrunes() {
        try (LeaderLock lock = new LeaderLock(db, "alice@a:1")) {
            Database leader = db.fencedBy(lock.tryAcquire().orElseThrow());
            assertThat(new ScanRepository(leader).prune(LATER, 1)).isEqualTo(1);
            assertThat(new JdbcRunStore(leader).prune(LATER, 1)).isEqualTo(2);
            assertThat(new StateSnapshotRepository(leader).prune(LATER)).isEqualTo(1);
        }
    }

    private static void assertFenced(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOf(DatabaseException.class)
                .hasCauseInstanceOf(LeaderFencedException.class)
                .hasMessageContaining("lost the leader's lock");
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = db.connection(); Statement select = c.createStatement()) {
            for (String table : List.of("scans", "findings", "job_runs", "state_sources", "state_snapshots",
                    "scan_state_snapshots", "settings")) {
                try (ResultSet row = select.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    row.next();
                    counts.put(table, row.getLong(1));
                }
            }
        }
        return counts;
    }
}
