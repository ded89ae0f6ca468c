package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.StateSyncJob;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.testing.PrivateMoto;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * SIGKILL inside the state sync's recording transaction (issue 8): a child JVM syncs 1,000 changing state files into
 * H2 twice, and in its third pass a row trigger stops it after the first, the 500th and the last of the 1,000 source
 * rows that pass writes (each a separate child), inside the transaction, before its commit; the child says so, with
 * the pass-3 rows its transaction sees, and only then is it killed. No timing is involved, so a loaded machine only
 * makes it slower. On restart the database opens without a migration and holds the second pass only: every source
 * at serial 2, exactly one snapshot per file for passes 1 and 2, none of pass 3; the interrupted run is ABANDONED.
 */
// Child JVMs killed mid-write, nothing shared with the other classes: beside the rest of the suite (one of the two
// at a time), never beside the classes that count this JVM's threads (they take PrivateMoto.LOCK for writing).
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("child-jvm-crash-proofs")
@ResourceLock(value = PrivateMoto.LOCK, mode = ResourceAccessMode.READ)
class StateSyncCrashTest {

    static final int FILES = 1_000;
    private static final Duration PASS_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    @Test
    void aKillInsideTheRecordingTransactionLeavesThePreviousPassOnlyAndAbandonsTheRun() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int killRow : new int[] {1, FILES / 2, FILES}) {
            Path dbPath = dir.resolve("kill-" + killRow + "/driftdeck");
            Path states = dir.resolve("states-" + killRow);
            String writing;
            List<String> printed;
            try (ChildJvm child = ChildJvm.start(SyncCrashChild.class, "sync-loop", dbPath.toString(), states.toString(),
                    String.valueOf(FILES), String.valueOf(killRow))) {
                child.await("RUN ", Duration.ofSeconds(60));
                child.await("SYNCED 1 ", PASS_TIMEOUT);
                child.await("SYNCED 2 ", PASS_TIMEOUT);
                writing = child.await("WRITING 3 ", PASS_TIMEOUT);
                child.kill();
                printed = child.seen();
            }
            String[] marker = writing.split(" ");
            assertThat(Integer.parseInt(marker[2])).isEqualTo(killRow);
            assertThat(Integer.parseInt(marker[3]))
                    .as("pass-3 rows the killed transaction had written (uncommitted)").isEqualTo(killRow);
            assertThat(printed).noneMatch(line -> line.startsWith("SYNCED 3"));

            try (Database db = Database.open(dbPath)) {
                assertThat(Migrations.migrateAndVerify(db).applied()).isZero();
                assertThat(groupCount(db, "SELECT serial, COUNT(*) FROM state_sources GROUP BY serial"))
                        .as("every source at the last committed pass").isEqualTo(Map.of(2L, (long) FILES));
                assertThat(groupCount(db, "SELECT serial, COUNT(*) FROM state_snapshots GROUP BY serial"))
                        .as("one snapshot per file per committed pass, nothing of the killed one")
                        .isEqualTo(Map.of(1L, (long) FILES, 2L, (long) FILES));

                JdbcRunStore runs = new JdbcRunStore(db);
                assertThat(runs.abandonStale(Instant.now())).isEqualTo(1);
                JobRun run = runs.recentRuns(StateSyncJob.NAME, 5).getFirst();
                assertThat(run.outcome()).isEqualTo(RunOutcome.ABANDONED);
                assertThat(run.error()).isEqualTo("Driftdeck stopped (crash or kill) while this run was in progress");
            }
            outcomes.add("killed after pass-3 row " + killRow + " of " + FILES + ": pass 2 kept");
        }
        System.out.println("State sync kills: " + outcomes);
    }

    private static Map<Long, Long> groupCount(Database db, String query) throws Exception {
        Map<Long, Long> result = new java.util.TreeMap<>();
        try (Connection connection = db.connection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            while (row.next()) {
                result.put(row.getLong(1), row.getLong(2));
            }
        }
        return result;
    }
}
