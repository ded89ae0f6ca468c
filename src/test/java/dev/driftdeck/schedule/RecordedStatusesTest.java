package dev.driftdeck.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.testing.MigratedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A follower's view of the leader's jobs, read back from what the leader recorded in a real database. */
class RecordedStatusesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    private final Map<String, Schedule> defaults = new LinkedHashMap<>();

    {
        defaults.put("drift-scan", Schedule.Every.minutes(15));
        defaults.put("state-sync", new Schedule.Every(Duration.ofMinutes(5)));
        defaults.put("daily-refresh", new Schedule.DailyAt(LocalTime.of(3, 30), ZoneOffset.UTC, Duration.ofHours(6)));
    }

    @Test
    void theLeadersRunningScanItsScheduleAndItsPauseAreShown() {
        JdbcRunStore leader = new JdbcRunStore(database.db());
        leader.saveSchedule("drift-scan", new RunStore.JobSchedule(T0.plusSeconds(600), false, "every PT10M"));
        long done = leader.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0, 0);
        leader.runFinished(done, T0.plusSeconds(3), RunOutcome.SUCCEEDED, null);
        long running = leader.runStarted("drift-scan", Trigger.MANUAL, T0.plusSeconds(60), T0.plusSeconds(60), 0);
        leader.saveSchedule("state-sync", new RunStore.JobSchedule(T0.plusSeconds(300), true, "every PT5M"));

        List<JobStatus> seen = RecordedStatuses.read(leader, defaults, true, "nobody leads", 7, null);

        assertThat(seen).extracting(JobStatus::job).containsExactly("drift-scan", "state-sync", "daily-refresh");
        JobStatus scan = seen.getFirst();
        assertThat(scan.state()).isEqualTo(JobState.RUNNING);
        assertThat(scan.lastRun().id()).isEqualTo(running);
        assertThat(scan.lastRun().trigger()).isEqualTo(Trigger.MANUAL);
        assertThat(scan.schedule()).isEqualTo(Schedule.Every.minutes(10));
        assertThat(scan.nextRunAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(scan.sequence()).isEqualTo(7);
        assertThat(seen.get(1).state()).isEqualTo(JobState.PAUSED);
        assertThat(seen.get(1).nextRunAt()).isNull();
        assertThat(seen.get(2).state()).as("never ran, never scheduled").isEqualTo(JobState.IDLE);
        assertThat(seen.get(2).lastRun()).isNull();
        assertThat(seen.get(2).schedule()).isEqualTo(defaults.get("daily-refresh"));
    }

    @Test
    void withoutALeaderNoJobIsRunningAndEachCardSaysWhy() {
        JdbcRunStore leader = new JdbcRunStore(database.db());
        leader.runStarted("drift-scan", Trigger.SCHEDULED, T0, T0, 0); // the leader died mid-run

        List<JobStatus> seen = RecordedStatuses.read(leader, defaults, false, "No Driftdeck leads it right now", 1, null);

        assertThat(seen).allSatisfy(status -> {
            assertThat(status.state()).isEqualTo(JobState.BLOCKED);
            assertThat(status.blockedReason()).isEqualTo("No Driftdeck leads it right now");
        });
    }
}
