package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.RunStore.JobSchedule;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.testing.TestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class JdbcRunStoreTest {

    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dir;

    private final TestDatabase kind;
    private final Map<String, DatabaseLocation> locations = new HashMap<>();

    JdbcRunStoreTest(TestDatabase kind) {
        this.kind = kind;
    }

    /** The same database for the same name within one test: an H2 file under {@code dir}, or a PostgreSQL one. */
    private DatabaseLocation location(String name) {
        return locations.computeIfAbsent(name, n -> kind.fresh(dir, n));
    }

    @Test
    void runsAreRecordedRunningThenCompletedNewestFirst() {
        try (Database db = migrated("runs")) {
            JdbcRunStore runs = new JdbcRunStore(db);
            long first = runs.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0.plusSeconds(1), 4);
            long second = runs.runStarted("drift-scan", Trigger.MANUAL, T0.plusSeconds(60), T0.plusSeconds(60), 0);
            runs.runStarted("state-sync", Trigger.SCHEDULED, T0, T0, 0);
            runs.runFinished(first, T0.plusSeconds(31), RunOutcome.FAILED, "boom");

            assertThat(runs.recentRuns("drift-scan", 10)).containsExactly(
                    new JobRun(second, "drift-scan", Trigger.MANUAL, T0.plusSeconds(60), T0.plusSeconds(60), null,
                            null, null, 0),
                    new JobRun(first, "drift-scan", Trigger.SCHEDULED, T0, T0.plusSeconds(1), T0.plusSeconds(31),
                            RunOutcome.FAILED, "boom", 4));
            assertThat(runs.recentRuns("drift-scan", 1)).extracting(JobRun::id).containsExactly(second);
        }
    }

    @Test
    void eachRunNamesTheInstanceThatRanIt() {
        try (Database db = migrated("instance")) {
            JdbcRunStore runs = new JdbcRunStore(db);
            long id = runs.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0, 0);

            RecordedRun recorded = runs.history(new dev.driftdeck.schedule.RunQuery("drift-scan", null, 1)).getFirst();
            assertThat(recorded.run().id()).isEqualTo(id);
            assertThat(recorded.instance()).isEqualTo(InstanceName.hostPid())
                    .endsWith(":" + ProcessHandle.current().pid());
        }
    }

    @Test
    void aCompletedRunKeepsItsFirstOutcome() {
        try (Database db = migrated("first-outcome")) {
            JdbcRunStore runs = new JdbcRunStore(db);
            long id = runs.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0, 0);
            runs.runFinished(id, T0.plusSeconds(5), RunOutcome.CANCELLED, "closed");
            runs.runFinished(id, T0.plusSeconds(9), RunOutcome.SUCCEEDED, null);

            assertThat(runs.recentRuns("drift-scan", 1).getFirst().outcome()).isEqualTo(RunOutcome.CANCELLED);
        }
    }

    @Test
    void runsLeftRunningByAPreviousProcessBecomeAbandoned() {
        long finished;
        long stale;
        try (Database db = migrated("stale")) {
            JdbcRunStore runs = new JdbcRunStore(db);
            finished = runs.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0, 0);
            runs.runFinished(finished, T0.plusSeconds(3), RunOutcome.SUCCEEDED, null);
            stale = runs.runStarted("drift-scan", Trigger.SCHEDULED, T0.plusSeconds(900), T0.plusSeconds(900), 0);
        }
        try (Database db = Database.open(location("stale"))) {
            JdbcRunStore runs = new JdbcRunStore(db);
            Instant restart = T0.plusSeconds(3600);

            assertThat(runs.abandonStale(restart)).isEqualTo(1);
            assertThat(runs.abandonStale(restart)).isZero();

            assertThat(runs.recentRuns("drift-scan", 10)).satisfiesExactly(
                    run -> {
                        assertThat(run.id()).isEqualTo(stale);
                        assertThat(run.outcome()).isEqualTo(RunOutcome.ABANDONED);
                        assertThat(run.finishedAt()).isEqualTo(restart);
                        assertThat(run.error()).contains("stopped");
                    },
                    run -> {
                        assertThat(run.id()).isEqualTo(finished);
                        assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
                    });
        }
    }

    @Test
    void scheduleIsPersistedPerJob() {
        try (Database db = migrated("schedule")) {
            JdbcRunStore runs = new JdbcRunStore(db);
            assertThat(runs.loadSchedule("drift-scan")).isEmpty();

            runs.saveSchedule("drift-scan", new JobSchedule(T0.plusSeconds(300), false));
            runs.saveSchedule("drift-scan", new JobSchedule(T0.plusSeconds(600), true));
            runs.saveSchedule("state-sync", new JobSchedule(null, false));

            assertThat(runs.loadSchedule("drift-scan")).contains(new JobSchedule(T0.plusSeconds(600), true));
            assertThat(runs.loadSchedule("state-sync")).contains(new JobSchedule(null, false));
        }
    }

    @Test
    void pruningDropsOldAndSurplusFinishedRunsPerJobButNeverARunningOne() {
        try (Database db = migrated("prune")) {
            JdbcRunStore runs = new JdbcRunStore(db);
            for (int minute = 0; minute < 5; minute++) {
                long id = runs.runStarted("drift-scan", Trigger.SCHEDULED, T0.plusSeconds(60L * minute),
                        T0.plusSeconds(60L * minute), 0);
                runs.runFinished(id, T0.plusSeconds(60L * minute + 1), RunOutcome.SUCCEEDED, null);
            }
            long stillRunning = runs.runStarted("state-sync", Trigger.SCHEDULED, T0, T0, 0);
            long sync = runs.runStarted("state-sync", Trigger.SCHEDULED, T0.plusSeconds(240), T0.plusSeconds(240), 0);
            runs.runFinished(sync, T0.plusSeconds(241), RunOutcome.SUCCEEDED, null);

            // older than 10:01, or beyond the newest three of its job
            assertThat(runs.prune(T0.plusSeconds(60), 3)).isEqualTo(2);

            assertThat(runs.recentRuns("drift-scan", 10)).extracting(JobRun::startedAt)
                    .containsExactly(T0.plusSeconds(240), T0.plusSeconds(180), T0.plusSeconds(120));
            assertThat(runs.recentRuns("state-sync", 10)).extracting(JobRun::id).containsExactly(sync, stillRunning);
        }
    }

    private Database migrated(String name) {
        Database db = Database.open(location(name));
        Migrations.migrateAndVerify(db);
        return db;
    }
}
