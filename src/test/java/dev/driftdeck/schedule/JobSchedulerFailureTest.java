package dev.driftdeck.schedule;

import static dev.driftdeck.schedule.SchedulerHarness.every;
import static dev.driftdeck.schedule.SchedulerHarness.time;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Failures, backoff and shutdown. Every tick is by hand. */
class JobSchedulerFailureTest extends SchedulerHarnessTest {

    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void aThrowingJobIsRecordedFailedAndTheScheduleGoesOn() {
        ScriptedJob scan = new ScriptedJob("drift-scan").thenFail("AWS said no");
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan));

        scheduler.tick();
        harness.workers.runAll();

        assertThat(harness.history("drift-scan")).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(run.error()).contains("IllegalStateException: AWS said no").contains("at dev.driftdeck");
        });
        assertThat(harness.status("drift-scan").state()).isEqualTo(JobState.BACKING_OFF);

        harness.at("10:10:00");
        scheduler.tick();
        harness.workers.runAll();

        assertThat(harness.history("drift-scan")).extracting(JobRun::outcome)
                .containsExactly(RunOutcome.FAILED, RunOutcome.SUCCEEDED);
        JobStatus status = harness.status("drift-scan");
        assertThat(status.state()).isEqualTo(JobState.IDLE);
        assertThat(status.nextRunAt()).isEqualTo(time("10:15:00"));
        assertThat(status.counters().failures()).isOne();
    }

    @Test
    void backoffDoublesUpToTheCapAndSuccessResetsIt() {
        ScriptedJob scan = new ScriptedJob("drift-scan")
                .thenFail("one").thenFail("two").thenFail("three")
                .then(context -> RunOutcome.SUCCEEDED)
                .thenFail("four");
        JobScheduler scheduler = harness.start(
                new SchedulerOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(30)),
                every(FIVE_MINUTES, scan));

        runAt("10:00:00");
        assertBackingOffUntil("10:10:00", 1);       // 5 min × 2
        assertNothingRunsAt("10:09:59");
        runAt("10:10:00");
        assertBackingOffUntil("10:30:00", 2);       // 5 min × 4
        assertNothingRunsAt("10:29:59");
        runAt("10:30:00");
        assertBackingOffUntil("11:00:00", 3);       // 5 min × 8 = 40 min, capped at 30
        runAt("11:00:00");                          // succeeds
        assertThat(harness.status("drift-scan").state()).isEqualTo(JobState.IDLE);
        assertThat(harness.status("drift-scan").nextRunAt()).isEqualTo(time("11:05:00"));
        runAt("11:05:00");                          // fails again: back to the first step
        assertBackingOffUntil("11:15:00", 1);

        assertThat(harness.status("drift-scan").counters().failures()).isEqualTo(4);
        assertThat(harness.history("drift-scan")).hasSize(5);
    }

    @Test
    void closeDuringARunAsksItToStopAndRecordsCancelled() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean sawCancel = new AtomicBoolean();
        ScriptedJob scan = new ScriptedJob("drift-scan").then(context -> {
            entered.countDown();
            // A job that ignores cancellation for a while: close() must not wait for it forever.
            release.await(10, TimeUnit.SECONDS);
            sawCancel.set(context.cancelled());
            return RunOutcome.SUCCEEDED;
        });
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan));
        scheduler.tick();
        Thread worker = new Thread(harness.workers::runNext, "test-worker");
        worker.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        harness.at("10:01:00");
        scheduler.close();

        assertThat(scan.contexts).singleElement().satisfies(context -> assertThat(context.cancelled()).isTrue());
        assertThat(harness.history("drift-scan")).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(RunOutcome.CANCELLED);
            assertThat(run.finishedAt()).isEqualTo(time("10:01:00"));
            assertThat(run.error()).contains("did not stop within 5000 ms");
        });

        release.countDown();
        worker.join(10_000);
        assertThat(sawCancel).isTrue();
        assertThat(harness.history("drift-scan")).singleElement()
                .extracting(JobRun::outcome).as("the late end does not overwrite CANCELLED")
                .isEqualTo(RunOutcome.CANCELLED);
        assertThat(harness.status("drift-scan").lastRun().outcome()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(harness.workers.pending()).isZero();
    }

    @Test
    void anErrorThrownBeforeTheJobBodyIsRecordedAndDoesNotKeepTheJobClaimed() {
        ScriptedJob scan = new ScriptedJob("drift-scan");
        JobScheduler scheduler = harness.start(every(FIVE_MINUTES, scan));
        AtomicBoolean thrown = new AtomicBoolean();
        // A subscriber that fails with an Error (a class missing from a broken install) the first time it sees the
        // run start: that publish happens before the job's body and its try.
        scheduler.subscribe(statuses -> {
            if (statuses.getFirst().state() == JobState.RUNNING && thrown.compareAndSet(false, true)) {
                throw new NoClassDefFoundError("dev/driftdeck/ui/Missing");
            }
        });

        assertThat(scheduler.runNow("drift-scan").kind()).isEqualTo(RunNowResult.Kind.STARTED);
        try {
            harness.workers.runNext();
        } catch (Error e) {
            // Whether the worker sees it is not the point; the job's claim and its history are.
        }

        assertThat(thrown).isTrue();
        assertThat(harness.history("drift-scan")).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(RunOutcome.FAILED);
            assertThat(run.error()).contains("NoClassDefFoundError: dev/driftdeck/ui/Missing");
        });
        assertThat(scheduler.runNow("drift-scan").kind()).as("the job is not left claimed")
                .isEqualTo(RunNowResult.Kind.STARTED);
        harness.workers.runAll();
        assertThat(scan.contexts).hasSize(1);
        assertThat(harness.history("drift-scan")).extracting(JobRun::outcome)
                .containsExactly(RunOutcome.FAILED, RunOutcome.SUCCEEDED);
    }

    private void runAt(String time) {
        harness.at(time);
        harness.scheduler.tick();
        assertThat(harness.workers.runAll()).as("one run at " + time).isOne();
    }

    private void assertNothingRunsAt(String time) {
        harness.at(time);
        harness.scheduler.tick();
        assertThat(harness.workers.pending()).as("no run at " + time).isZero();
    }

    private void assertBackingOffUntil(String time, int failures) {
        JobStatus status = harness.status("drift-scan");
        assertThat(status.state()).isEqualTo(JobState.BACKING_OFF);
        assertThat(status.nextRunAt()).isEqualTo(time(time));
        assertThat(status.blockedReason()).startsWith(failures + " consecutive failure(s)");
    }
}
