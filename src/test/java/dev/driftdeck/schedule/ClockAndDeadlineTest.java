package dev.driftdeck.schedule;

import static dev.driftdeck.schedule.SchedulerHarness.T0;
import static dev.driftdeck.schedule.SchedulerHarness.every;
import static dev.driftdeck.schedule.SchedulerHarness.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Clock jumps, jitter, deadlines, re-phasing and what a restart restores. Every tick by hand. */
class ClockAndDeadlineTest extends SchedulerHarnessTest {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void aThreeHourForwardJumpGivesOneCatchUpRunPerOverdueJob() {
        JobScheduler scheduler = harness.start(
                new JobDefinition(new ScriptedJob("drift-scan"), Duration.ofMinutes(15), true, false),
                new JobDefinition(new ScriptedJob("state-sync"), FIVE_MINUTES, true, false),
                DailyScheduleTest.definition(new ScriptedJob("daily-refresh"),
                        new Schedule.DailyAt(LocalTime.of(11, 0), ZoneId.of("UTC"), Duration.ofHours(6))),
                DailyScheduleTest.definition(new ScriptedJob("not-overdue"),
                        new Schedule.DailyAt(LocalTime.of(20, 0), ZoneId.of("UTC"), Duration.ofHours(6))));
        scheduler.tick();

        harness.jumpWall(Duration.ofHours(3)); // the lid closed at 10:00, opened at 13:00
        scheduler.tick();
        scheduler.tick();

        assertThat(harness.workers.runAll()).isEqualTo(3);
        assertThat(harness.history("drift-scan")).singleElement().satisfies(run -> {
            assertThat(run.scheduledFor()).isEqualTo(time("13:00:00"));
            assertThat(run.coalescedSlots()).isEqualTo(11);
        });
        assertThat(harness.history("state-sync")).singleElement().extracting(JobRun::coalescedSlots).isEqualTo(35);
        assertThat(harness.history("daily-refresh")).singleElement()
                .extracting(JobRun::scheduledFor).isEqualTo(time("11:00:00"));
        assertThat(harness.history("not-overdue")).isEmpty();
        assertThat(scheduler.lastClockJump()).get().satisfies(jump -> {
            assertThat(jump.by()).isEqualTo(Duration.ofHours(3));
            assertThat(jump.to()).isEqualTo(time("13:00:00"));
        });

        scheduler.tick();
        assertThat(harness.workers.pending()).as("no burst after the catch-up").isZero();
    }

    @Test
    void aBackwardJumpDoesNotStallAJobThatWasBackingOff() {
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan").thenFail("AWS said no")));
        scheduler.tick();
        harness.workers.runAll(); // failed at 10:00: backing off until 10:10
        harness.at("10:01:00");
        scheduler.tick();

        harness.jumpWall(Duration.ofDays(-1)); // someone set the clock a day back
        scheduler.tick();
        assertThat(scheduler.lastClockJump()).get().extracting(ClockJump::by).isEqualTo(Duration.ofDays(-1));
        assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(time("10:10:00").minus(Duration.ofDays(1)));

        harness.moveTo(time("10:10:00").minus(Duration.ofDays(1)));
        scheduler.tick();
        assertThat(harness.workers.runAll()).as("runs a day early rather than stalling a day").isOne();
    }

    @Test
    void jitterIsFixedPerSlotBoundedAndNeverDriftsThePhase() {
        JobDefinition jittered = every(FIVE_MINUTES, new ScriptedJob("drift-scan")).withJitter(Duration.ofSeconds(60));
        assertThat(jittered.jitterFor(time("10:05:00"))).isEqualTo(jittered.jitterFor(time("10:05:00")));
        JobScheduler scheduler = harness.start(new JobDefinition(jittered.job(), jittered.schedule(), true, false,
                null, jittered.maxJitter()));

        boolean someJitter = false;
        for (int k = 1; k <= 6; k++) {
            Instant nominal = T0.plus(FIVE_MINUTES.multipliedBy(k));
            Duration jitter = jittered.jitterFor(nominal);
            assertThat(jitter).isBetween(Duration.ZERO, Duration.ofSeconds(60));
            someJitter |= !jitter.isZero();
            assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(nominal.plus(jitter));

            harness.moveTo(nominal.plus(jitter).minusMillis(1));
            scheduler.tick();
            assertThat(harness.workers.pending()).as("not before its jittered start").isZero();
            harness.moveTo(nominal.plus(jitter));
            scheduler.tick();
            assertThat(harness.workers.runAll()).isOne();
        }
        assertThat(someJitter).isTrue();
        assertThat(harness.history("drift-scan")).extracting(JobRun::scheduledFor)
                .as("each run is for its nominal slot: jitter never accumulates")
                .containsExactly(time("10:05:00"), time("10:10:00"), time("10:15:00"), time("10:20:00"),
                        time("10:25:00"), time("10:30:00"));
    }

    @Test
    void aHungRunIsRecordedTimedOutAskedToStopAndNoSecondCopyStartsUntilItReturns() {
        AtomicReference<JobStatus> whileHung = new AtomicReference<>();
        AtomicReference<RunNowResult> manualWhileHung = new AtomicReference<>();
        ScriptedJob scan = new ScriptedJob("drift-scan");
        scan.then(context -> {
            // Hung in an AWS call for 40 minutes: the ticks below happen while this body has not returned.
            harness.at("10:40:00");
            harness.scheduler.tick();
            harness.scheduler.tick();
            whileHung.set(harness.status("drift-scan"));
            manualWhileHung.set(harness.scheduler.runNow("drift-scan"));
            assertThat(context.cancelled()).as("asked to stop").isTrue();
            assertThat(harness.workers.pending()).as("no second copy").isZero();
            return RunOutcome.SUCCEEDED;
        });
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan).withDeadline(Duration.ofMinutes(30)));
        scheduler.tick();
        harness.workers.runNext();

        assertThat(whileHung.get().state()).isEqualTo(JobState.RUNNING);
        assertThat(whileHung.get().lastRun().outcome()).isEqualTo(RunOutcome.TIMED_OUT);
        assertThat(whileHung.get().blockedReason()).contains("timed out");
        assertThat(whileHung.get().counters().failures()).as("a timeout counts as a failure (and backs off)").isOne();
        assertThat(manualWhileHung.get().kind()).isEqualTo(RunNowResult.Kind.MERGED);
        assertThat(harness.history("drift-scan")).singleElement().satisfies(run -> {
            assertThat(run.outcome()).as("the late return does not overwrite TIMED_OUT").isEqualTo(RunOutcome.TIMED_OUT);
            assertThat(run.finishedAt()).isEqualTo(time("10:40:00"));
            assertThat(run.error()).contains("deadline of 30 min");
        });

        assertThat(harness.workers.runAll()).as("the merged follow-up, once the hung run returned").isOne();
        assertThat(harness.history("drift-scan")).extracting(JobRun::outcome)
                .containsExactly(RunOutcome.TIMED_OUT, RunOutcome.SUCCEEDED);
    }

    @Test
    void aLongRunWithinItsDeadlineIsNotTimedOutByALaptopSleep() {
        ScriptedJob scan = new ScriptedJob("drift-scan").then(context -> {
            harness.jumpWall(Duration.ofHours(3)); // wall clock jumps; monotonic time barely moves
            harness.scheduler.tick();
            return RunOutcome.SUCCEEDED;
        });
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan).withDeadline(Duration.ofMinutes(30)));
        scheduler.tick();
        harness.workers.runNext();

        assertThat(harness.history("drift-scan")).first().extracting(JobRun::outcome).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void anIntervalChangedFromSettingsRephasesFromNowAndSurvivesARestart() {
        JobScheduler scheduler = harness.start(every(Duration.ofMinutes(15), new ScriptedJob("drift-scan")));
        scheduler.tick();
        harness.workers.runAll();
        harness.at("10:07:00");

        scheduler.reschedule("drift-scan", Schedule.Every.minutes(5));
        assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(time("10:12:00"));
        scheduler.close();

        harness.start(every(Duration.ofMinutes(15), new ScriptedJob("drift-scan")));
        assertThat(harness.status("drift-scan").schedule()).isEqualTo(Schedule.Every.minutes(5));
        assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(time("10:12:00"));
    }

    @Test
    void aRestartedSchedulerShowsTheLastRunFromHistoryAndResumeSurvivesToo() {
        JobScheduler first = harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan").thenFail("expired token")));
        first.tick();
        harness.workers.runAll();
        first.pause("drift-scan");
        first.close();

        JobScheduler second = harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan")));
        JobStatus restarted = harness.status("drift-scan");
        assertThat(restarted.state()).isEqualTo(JobState.PAUSED);
        assertThat(restarted.lastRun()).as("not 'never ran'").isNotNull();
        assertThat(restarted.lastRun().outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(restarted.lastRun().error()).contains("expired token");
        second.resume("drift-scan");
        second.close();

        harness.start(every(FIVE_MINUTES, new ScriptedJob("drift-scan")));
        assertThat(harness.status("drift-scan").state()).isEqualTo(JobState.IDLE);
        assertThat(harness.status("drift-scan").paused()).isFalse();
    }
}
