package dev.driftdeck.schedule;

import static dev.driftdeck.schedule.SchedulerHarness.every;
import static dev.driftdeck.schedule.SchedulerHarness.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduling story: slots, coalescing, single flight, manual runs. Every tick is by hand. */
class JobSchedulerTest extends SchedulerHarnessTest {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void twentyThreeMissedMinutesGiveOneRunWithFourCoalescedSlotsAndTheNextDueOnPhase() {
        ScriptedJob scan = new ScriptedJob("drift-scan");
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan));

        harness.at("10:23:00");
        scheduler.tick();
        scheduler.tick();
        assertThat(harness.workers.runAll()).isEqualTo(1);

        assertThat(harness.history("drift-scan")).singleElement().satisfies(run -> {
            assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULED);
            assertThat(run.scheduledFor()).isEqualTo(time("10:20:00"));
            assertThat(run.coalescedSlots()).isEqualTo(4);
            assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        });
        JobStatus status = harness.status("drift-scan");
        assertThat(status.state()).isEqualTo(JobState.IDLE);
        assertThat(status.nextRunAt()).isEqualTo(time("10:25:00"));
        assertThat(status.counters()).isEqualTo(new JobCounters(1, 0, 0, 4, 0));
        assertThat(harness.runs.loadSchedule("drift-scan"))
                .contains(new RunStore.JobSchedule(time("10:25:00"), false, "every PT5M"));
    }

    @Test
    void statusSnapshotsAreNumberedInTheOrderTheyAreTaken() {
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan")),
                every(FIVE_MINUTES, new ScriptedJob("state-sync")));
        List<Long> published = new ArrayList<>();
        scheduler.subscribe(statuses -> {
            assertThat(statuses).extracting(JobStatus::sequence).as("one number per snapshot list").containsOnly(
                    statuses.getFirst().sequence());
            published.add(statuses.getFirst().sequence());
        });

        scheduler.runNow("drift-scan");
        harness.workers.runAll();
        long asked = scheduler.statuses().getFirst().sequence();

        assertThat(published).hasSizeGreaterThanOrEqualTo(4).isSorted().doesNotHaveDuplicates();
        assertThat(asked).isGreaterThan(published.getLast());
    }

    @Test
    void aJobThatWaitsAtFirstStartIsFirstDueOneIntervalLaterWhileManualRunsWorkAtOnce() {
        ScriptedJob scan = new ScriptedJob("drift-scan");
        JobScheduler scheduler = harness.start(new JobDefinition(scan, FIVE_MINUTES, true, false));

        scheduler.tick();
        assertThat(harness.workers.runAll()).isZero();
        assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(time("10:05:00"));

        assertThat(scheduler.runNow("drift-scan").kind()).isEqualTo(RunNowResult.Kind.STARTED);
        assertThat(harness.workers.runAll()).isEqualTo(1);
        harness.at("10:05:00");
        scheduler.tick();
        assertThat(harness.workers.runAll()).isEqualTo(1);
        assertThat(harness.history("drift-scan")).extracting(JobRun::trigger)
                .containsExactly(Trigger.MANUAL, Trigger.SCHEDULED);
    }

    @Test
    void aRestartedSchedulerKeepsThePersistedPhase() {
        harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan"))).tick();
        harness.workers.runAll();
        harness.scheduler.close();

        harness.at("10:07:00");
        JobScheduler restarted = harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan")));
        restarted.tick();
        assertThat(harness.workers.pending()).as("the persisted 10:05 slot is due at 10:07").isOne();
        harness.workers.runAll();

        assertThat(harness.history("drift-scan")).extracting(JobRun::scheduledFor)
                .containsExactly(time("10:00:00"), time("10:05:00"));
        assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(time("10:10:00"));
    }

    @Test
    void aClockSetBackADayDoesNotStallTheJob() {
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan")));
        scheduler.tick();
        harness.workers.runAll();

        harness.clock.set(time("10:02:00").minus(Duration.ofDays(1)));
        scheduler.tick();
        assertThat(harness.workers.pending()).isZero();
        assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(time("10:05:00").minus(Duration.ofDays(1)));

        harness.clock.set(time("10:05:00").minus(Duration.ofDays(1)));
        scheduler.tick();
        assertThat(harness.workers.runAll()).isOne();
    }

    @Test
    void aTickWhileRunningIsSkippedAndCountedOncePerSlot() {
        ScriptedJob scan = new ScriptedJob("drift-scan");
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan));
        List<JobStatus> seenDuringRun = new ArrayList<>();
        scan.then(context -> {
            harness.at("10:05:00");
            scheduler.tick();
            harness.at("10:05:02");
            scheduler.tick();
            harness.at("10:06:00");
            seenDuringRun.add(harness.status("drift-scan"));
            return RunOutcome.SUCCEEDED;
        });

        scheduler.tick();
        harness.workers.runNext();

        assertThat(seenDuringRun).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(JobState.RUNNING);
            assertThat(status.counters().skippedWhileRunning()).isEqualTo(1);
        });
        assertThat(harness.workers.pending()).as("nothing was started next to the running job").isZero();

        scheduler.tick();
        harness.workers.runAll();
        assertThat(harness.history("drift-scan")).extracting(JobRun::scheduledFor, JobRun::coalescedSlots)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(time("10:00:00"), 0),
                        org.assertj.core.groups.Tuple.tuple(time("10:05:00"), 0));
        assertThat(harness.status("drift-scan").counters().skippedWhileRunning()).isEqualTo(1);
        assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(time("10:10:00"));
    }

    @Test
    void twoManualRequestsDuringARunGiveExactlyOneFollowUpAndDoNotRephase() {
        ScriptedJob scan = new ScriptedJob("drift-scan");
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan));
        scheduler.tick();
        harness.workers.runAll();

        List<RunNowResult> answers = new ArrayList<>();
        List<JobStatus> seenDuringRun = new ArrayList<>();
        scan.then(context -> {
            answers.add(scheduler.runNow("drift-scan"));
            answers.add(scheduler.runNow("drift-scan"));
            seenDuringRun.add(harness.status("drift-scan"));
            return RunOutcome.SUCCEEDED;
        });
        harness.at("10:02:00");
        assertThat(scheduler.runNow("drift-scan")).isEqualTo(RunNowResult.started());
        harness.workers.runNext();

        assertThat(answers).containsExactly(RunNowResult.merged(), RunNowResult.merged());
        assertThat(seenDuringRun.getFirst().followUpQueued()).isTrue();
        assertThat(harness.workers.pending()).as("one follow-up queued").isOne();
        harness.workers.runAll();

        assertThat(harness.history("drift-scan")).extracting(JobRun::trigger)
                .containsExactly(Trigger.SCHEDULED, Trigger.MANUAL, Trigger.MANUAL);
        JobStatus status = harness.status("drift-scan");
        assertThat(status.followUpQueued()).isFalse();
        assertThat(status.counters().mergedManualRequests()).isEqualTo(2);
        assertThat(status.counters().runs()).isEqualTo(3);
        assertThat(status.nextRunAt()).as("manual runs keep the phase").isEqualTo(time("10:05:00"));
    }

    @Test
    void aStateChangeRequestIsMergedLikeAManualOneAndNamesTheFollowUp() {
        ScriptedJob scan = new ScriptedJob("drift-scan");
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan));
        scan.then(context -> {
            assertThat(scheduler.request("drift-scan", Trigger.STATE_CHANGE)).isEqualTo(RunNowResult.merged());
            return RunOutcome.SUCCEEDED;
        });

        scheduler.tick();
        harness.workers.runAll();

        assertThat(harness.history("drift-scan")).extracting(JobRun::trigger)
                .containsExactly(Trigger.SCHEDULED, Trigger.STATE_CHANGE);
    }

    @Test
    void runNowIsBlockedWithAReasonWhenPausedDisabledOrClosed() {
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan")),
                new JobDefinition(new ScriptedJob("daily-refresh"), Duration.ofDays(1), false));

        scheduler.pause("drift-scan");
        assertThat(scheduler.runNow("drift-scan"))
                .isEqualTo(RunNowResult.blocked("Job drift-scan is paused; resume it to run it."));
        scheduler.tick();
        assertThat(harness.workers.pending()).as("a paused job does not tick").isZero();
        assertThat(harness.status("drift-scan").state()).isEqualTo(JobState.PAUSED);
        assertThat(harness.runs.loadSchedule("drift-scan").orElseThrow().paused()).isTrue();

        assertThat(scheduler.runNow("daily-refresh"))
                .isEqualTo(RunNowResult.blocked("Job daily-refresh is disabled."));
        assertThat(harness.status("daily-refresh").state()).isEqualTo(JobState.DISABLED);
        assertThat(scheduler.runNow("no-such-job").kind()).isEqualTo(RunNowResult.Kind.BLOCKED);

        scheduler.resume("drift-scan");
        assertThat(scheduler.runNow("drift-scan")).isEqualTo(RunNowResult.started());
        harness.workers.runAll();

        scheduler.close();
        assertThat(scheduler.runNow("drift-scan")).isEqualTo(RunNowResult.blocked("The scheduler is shut down."));
        assertThat(harness.status("drift-scan").state()).isEqualTo(JobState.BLOCKED);
    }

    @Test
    void pausedStateSurvivesARestart() {
        harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan"))).pause("drift-scan");
        harness.scheduler.close();

        harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan")));

        assertThat(harness.status("drift-scan").state()).isEqualTo(JobState.PAUSED);
        assertThat(harness.status("drift-scan").nextRunAt()).isNull();
    }

    @Test
    void listenersGetSnapshotsAfterEveryChangeAndAFailingListenerHarmsNoOne() throws Exception {
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan")));
        List<JobState> states = new ArrayList<>();
        scheduler.subscribe(statuses -> {
            throw new IllegalStateException("a broken listener");
        });
        AutoCloseable subscription = scheduler.subscribe(statuses -> states.add(statuses.getFirst().state()));

        scheduler.runNow("drift-scan");
        harness.workers.runAll();
        subscription.close();
        scheduler.pause("drift-scan");

        assertThat(states).first().isEqualTo(JobState.IDLE);
        assertThat(states).contains(JobState.RUNNING).last().isEqualTo(JobState.IDLE);
        assertThat(harness.status("drift-scan").counters().runs()).isOne();
    }
}
