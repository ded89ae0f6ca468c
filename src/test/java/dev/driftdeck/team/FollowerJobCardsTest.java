package dev.driftdeck.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.LeaderStatus;
import dev.driftdeck.store.RunRequests;
import dev.driftdeck.testing.MigratedDatabase;
import dev.driftdeck.testing.TestDatabase;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.scheduler.JobLine;
import dev.driftdeck.ui.scheduler.SchedulerViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A follower's Scheduler page on a real PostgreSQL, below the stage: the leader's job cards carry the counters the
 * leader's own cards show (runs, failures, coalesced slots of its term), read back from the run history.
 */
class FollowerJobCardsTest {

    private static final Instant TOOK_OVER = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant NOW = TOOK_OVER.plus(Duration.ofHours(1));

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase(TestDatabase.POSTGRESQL);

    @Test
    void theLeadersCountersOfItsTermAreOnTheFollowersCards() {
        JdbcRunStore runs = new JdbcRunStore(database.db());
        // The previous leader's term: not the current leader's counters.
        finished(runs, "drift-scan", TOOK_OVER.minus(Duration.ofMinutes(30)), 0, RunOutcome.FAILED);
        // The current leader's term (this JVM recorded them, as the leader's process would).
        finished(runs, "drift-scan", TOOK_OVER.plusSeconds(1), 0, RunOutcome.SUCCEEDED);
        finished(runs, "drift-scan", TOOK_OVER.plus(Duration.ofMinutes(15)), 2, RunOutcome.FAILED);
        finished(runs, "drift-scan", TOOK_OVER.plus(Duration.ofMinutes(30)), 1, RunOutcome.TIMED_OUT);
        runs.runStarted("drift-scan", Trigger.MANUAL, TOOK_OVER.plus(Duration.ofMinutes(40)),
                TOOK_OVER.plus(Duration.ofMinutes(40)), 0); // still running: not a run yet on the leader's card
        finished(runs, "state-sync", TOOK_OVER.plusSeconds(2), 0, RunOutcome.SUCCEEDED);

        Map<String, Schedule> defaults = new LinkedHashMap<>();
        defaults.put("drift-scan", Schedule.Every.minutes(15));
        defaults.put("state-sync", new Schedule.Every(Duration.ofMinutes(5)));
        defaults.put("daily-refresh", Schedule.Every.minutes(60 * 24));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TeamScheduler follower = new TeamScheduler(runs, defaults, new RunRequests(database.db()), "bob@laptop:77",
                "postgresql://db/driftdeck", clock, Duration.ofSeconds(1));
        follower.leaderIs(new LeaderStatus(4, "ops@" + dev.driftdeck.store.InstanceName.hostPid(), TOOK_OVER, true));

        try (SchedulerViewModel model = new SchedulerViewModel(Optional.of(follower), BackgroundTasks.sameThread(),
                clock)) {
            model.start();

            assertThat(model.jobs()).extracting(JobLine::job, JobLine::counters).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("drift-scan",
                            "runs 3 · failures 2 · skipped 0 · coalesced 3 · merged 0"),
                    org.assertj.core.groups.Tuple.tuple("state-sync",
                            "runs 1 · failures 0 · skipped 0 · coalesced 0 · merged 0"),
                    org.assertj.core.groups.Tuple.tuple("daily-refresh",
                            "runs 0 · failures 0 · skipped 0 · coalesced 0 · merged 0"));
        }
    }

    @Test
    void runsOfAnotherInstanceAreNotTheLeadersCounters() {
        JdbcRunStore runs = new JdbcRunStore(database.db());
        finished(runs, "drift-scan", TOOK_OVER.plusSeconds(5), 0, RunOutcome.SUCCEEDED);

        TeamScheduler follower = new TeamScheduler(runs, Map.of("drift-scan", Schedule.Every.minutes(15)),
                new RunRequests(database.db()), "bob@laptop:77", "postgresql://db/driftdeck",
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1));
        follower.leaderIs(new LeaderStatus(5, "ops@elsewhere:4242", TOOK_OVER, true));

        assertThat(follower.statuses().getFirst().counters().runs()).isZero();
    }

    private static void finished(JdbcRunStore runs, String job, Instant at, int coalesced, RunOutcome outcome) {
        long id = runs.runStarted(job, Trigger.SCHEDULED, at, at, coalesced);
        runs.runFinished(id, at.plusSeconds(20), outcome, outcome == RunOutcome.SUCCEEDED ? null : "boom");
    }
}
