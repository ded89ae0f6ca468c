package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.StateSyncJob;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of a state sync (issue 8): a child JVM syncs 1,000 changing state files into H2 again and
 * again and is killed at 30%, 60% and 85% of a calibrated sync into its third pass (where the kill lands,
 * reading or inside the recording transaction, is not observable from outside; the three points spread it). On restart the
 * database opens without a migration, every source is at one committed serial, every file has exactly one snapshot
 * per committed pass (never a pass recorded for some files and not others), and the interrupted run is ABANDONED.
 */
class StateSyncCrashTest {

    static final int FILES = 1_000;

    @TempDir
    Path dir;

    @Test
    void killedMidSyncLeavesWholePassesOnlyAndAbandonsTheRun() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (double fraction : new double[] {0.3, 0.6, 0.85}) {
            Path dbPath = dir.resolve("kill-" + fraction + "/driftdeck");
            Path states = dir.resolve("states-" + fraction);
            List<String> printed;
            long secondSync;
            try (ChildJvm child = ChildJvm.start(SyncCrashChild.class, "sync-loop", dbPath.toString(), states.toString(),
                    String.valueOf(FILES))) {
                child.await("RUN ", Duration.ofSeconds(60));
                child.await("SYNCED 1 ", Duration.ofSeconds(120));
                secondSync = Long.parseLong(child.await("SYNCED 2 ", Duration.ofSeconds(120)).split(" ")[2]);
                child.await("SYNCING 3", Duration.ofSeconds(120));
                Thread.sleep(Math.max(1, (long) (secondSync * fraction)));
                child.kill();
                printed = child.seen();
            }
            boolean thirdReturned = printed.stream().anyMatch(line -> line.startsWith("SYNCED 3 "));

            try (Database db = Database.open(dbPath)) {
                assertThat(Migrations.migrateAndVerify(db).applied()).isZero();
                Map<Long, Long> sourcesBySerial = groupCount(db, "SELECT serial, COUNT(*) FROM state_sources GROUP BY serial");
                assertThat(sourcesBySerial).as("every source at one committed pass").hasSize(1);
                long committed = sourcesBySerial.keySet().iterator().next();
                assertThat(sourcesBySerial.get(committed)).isEqualTo(FILES);
                assertThat(committed).isBetween(2L, 3L);
                if (thirdReturned) {
                    assertThat(committed).isEqualTo(3L);
                }
                Map<Long, Long> snapshotsBySerial = groupCount(db,
                        "SELECT serial, COUNT(*) FROM state_snapshots GROUP BY serial");
                Map<Long, Long> whole = new TreeMap<>();
                for (long serial = 1; serial <= committed; serial++) {
                    whole.put(serial, (long) FILES);
                }
                assertThat(snapshotsBySerial).as("one snapshot per file per committed pass, no part of another")
                        .isEqualTo(whole);

                JdbcRunStore runs = new JdbcRunStore(db);
                assertThat(runs.abandonStale(Instant.now())).isEqualTo(1);
                JobRun run = runs.recentRuns(StateSyncJob.NAME, 5).getFirst();
                assertThat(run.outcome()).isEqualTo(RunOutcome.ABANDONED);
                assertThat(run.error()).isEqualTo("Driftdeck stopped (crash or kill) while this run was in progress");
                outcomes.add("%.2f of %d ms: pass %d committed%s".formatted(fraction, secondSync, committed,
                        thirdReturned ? " (third returned)" : ""));
            }
        }
        System.out.println("State sync kills: " + outcomes);
    }

    private static Map<Long, Long> groupCount(Database db, String query) throws Exception {
        Map<Long, Long> result = new TreeMap<>();
        try (Connection connection = db.connection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            while (row.next()) {
                result.put(row.getLong(1), row.getLong(2));
            }
        }
        return result;
    }
}
