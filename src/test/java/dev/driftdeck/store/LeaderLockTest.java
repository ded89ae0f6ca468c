package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.testing.PostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader's lock and its fencing on a real PostgreSQL: one holder at a time, an epoch bumped per term, and a
 * leader whose lock connection died (or whose epoch moved on) stores nothing, in the same transaction as the write.
 */
class LeaderLockTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private Database db;

    @BeforeEach
    void openDatabase() {
        db = Database.open(PostgresServer.shared().createDatabase());
        Migrations.migrateAndVerify(db);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void oneHolderAtATimeEachTermWithTheNextEpoch() {
        try (LeaderLock a = new LeaderLock(db, "alice@a:1"); LeaderLock b = new LeaderLock(db, "bob@b:2")) {
            LeaderTerm first = a.tryAcquire().orElseThrow();
            assertThat(first.epoch()).isEqualTo(1);
            assertThat(b.tryAcquire()).as("the lock is held by a").isEmpty();
            LeaderStatus status = LeaderLock.status(db);
            assertThat(status.holder()).isEqualTo("alice@a:1");
            assertThat(status.epoch()).isEqualTo(1);
            assertThat(status.held()).isTrue();
            assertThat(status.since()).isNotNull();

            a.release();
            assertThat(LeaderLock.status(db).held()).as("released: no one holds it until b tries").isFalse();
            LeaderTerm second = b.tryAcquire().orElseThrow();
            assertThat(second.epoch()).isEqualTo(2);
            assertThat(LeaderLock.status(db).holder()).isEqualTo("bob@b:2");
            assertThat(a.holds(first)).isFalse();
            assertThat(b.holds(second)).isTrue();
        }
    }

    @Test
    void aLeaderWhoseLockConnectionWasTerminatedStoresNoScanAndNoRun() {
        try (LeaderLock a = new LeaderLock(db, "alice@a:1"); LeaderLock b = new LeaderLock(db, "bob@b:2")) {
            LeaderTerm term = a.tryAcquire().orElseThrow();
            Database leaderView = db.fencedBy(term);
            ScanRepository scans = new ScanRepository(leaderView);
            JdbcRunStore runs = new JdbcRunStore(leaderView);
            scans.save(Reports.everyStatus(T0));
            long run = runs.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0, 0);

            terminateLockHolder();

            assertThatThrownBy(() -> scans.save(Reports.everyStatus(T0.plusSeconds(60))))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("was not stored")
                    .hasMessageContaining("(alice@a:1) lost the leader's lock");
            assertThatThrownBy(() -> runs.runFinished(run, T0.plusSeconds(30), RunOutcome.SUCCEEDED, null))
                    .isInstanceOf(DatabaseException.class);
            assertThat(new ScanRepository(db).recent(10)).as("only the scan of the live term").hasSize(1);
            assertThat(new JdbcRunStore(db).recentRuns("drift-scan", 1).getFirst().outcome()).isNull();

            assertThat(b.tryAcquire()).as("the server freed the lock with the session").isPresent();
        }
    }

    @Test
    void aLeaderWhoseEpochMovedOnStoresNothingEvenWithItsConnectionAlive() throws Exception {
        try (LeaderLock a = new LeaderLock(db, "alice@a:1")) {
            LeaderTerm term = a.tryAcquire().orElseThrow();
            ScanRepository scans = new ScanRepository(db.fencedBy(term));
            // What a newer term's acquisition does to the row (the old holder paused past its session's end).
            db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE leader SET epoch = epoch + 1"));

            assertThatThrownBy(() -> scans.save(Reports.everyStatus(T0)))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("its term is 1, the database's 2");
            assertThat(new ScanRepository(db).recent(10)).isEmpty();
        }
    }

    @Test
    void writesOutsideTeamModeAreNotFenced() {
        // The CLI's scan --db and the console's own writes go through the unfenced database.
        assertThat(new ScanRepository(db).save(Reports.everyStatus(T0))).isPositive();
    }

    @Test
    void h2HasNoElection(@TempDir Path dir) {
        try (Database h2 = Database.open(dir.resolve("driftdeck"))) {
            Migrations.migrateAndVerify(h2);
            assertThatThrownBy(() -> new LeaderLock(h2, "alice@a:1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("leader election is for a shared PostgreSQL database only");
            assertThat(LeaderLock.status(h2)).isEqualTo(new LeaderStatus(0, null, null, false));
        }
    }

    private void terminateLockHolder() {
        Optional<Integer> terminated = Optional.empty();
        try {
            terminated = db.inTransaction(c -> {
                try (var select = c.prepareStatement("""
                        SELECT pg_terminate_backend(pid)::int FROM pg_locks
                        WHERE locktype = 'advisory' AND granted AND objid::bigint = ?""")) {
                    select.setLong(1, LeaderLock.KEY & 0xffffffffL);
                    try (var row = select.executeQuery()) {
                        return row.next() ? Optional.of(row.getInt(1)) : Optional.<Integer>empty();
                    }
                }
            });
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(terminated).as("the lock holder's backend was terminated").contains(1);
    }
}
