package dev.driftdeck.ui.scheduler;

import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.Statuses;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;

import static dev.driftdeck.ui.Statuses.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The "Scan now" state machine and the panel text, with a same-thread executor and a fixed clock. */
class SchedulerViewModelTest {

    private final FakeScheduler scheduler = new FakeScheduler(Statuses.all());
    private final SchedulerViewModel model = new SchedulerViewModel(Optional.of(scheduler), BackgroundTasks.sameThread(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private String buttonText() {
        return model.scanButtonTextProperty().get();
    }

    private boolean buttonDisabled() {
        return model.scanButtonDisabledProperty().get();
    }

    @Test
    void idleScanJobOffersScanNowAndListsEveryJob() {
        model.start();

        assertThat(buttonText()).isEqualTo("Scan now");
        assertThat(buttonDisabled()).isFalse();
        assertThat(model.jobs()).extracting(JobLine::job).containsExactly("drift-scan", "state-sync", "daily-refresh");
        assertThat(model.jobs().getFirst().nextRun()).isEqualTo("next in 4m 10s");
    }

    @Test
    void clickStartsTheScanAndTheButtonFollowsTheRunningSnapshot() {
        model.start();

        model.scanNow();

        assertThat(scheduler.runNowRequests()).containsExactly("drift-scan");
        assertThat(model.messageProperty().get()).isEqualTo("Scan started");
        scheduler.publish(List.of(Statuses.scanRunning(false)));
        assertThat(buttonText()).isEqualTo("Scan running…");
        assertThat(buttonDisabled()).isTrue();
        assertThat(model.jobs().getFirst().state()).isEqualTo("RUNNING");

        scheduler.publish(List.of(Statuses.scanIdle()));
        assertThat(buttonText()).isEqualTo("Scan now");
        assertThat(buttonDisabled()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("drift-scan finished: SUCCEEDED in 2.3 s");
    }

    @Test
    void aClickThatRacedARunIsMergedAndShowsQueuedForThatRun() {
        model.start();
        scheduler.answerRunNowWith(RunNowResult.merged());

        // Our snapshot still says IDLE, but the scheduler had already started a run and merged the click.
        model.scanNow();
        assertThat(model.messageProperty().get()).isEqualTo("A scan is already running; one more run is queued after it");

        scheduler.publish(List.of(Statuses.scanRunning(false)));
        assertThat(buttonText()).isEqualTo("Queued");
        assertThat(buttonDisabled()).isTrue();
        model.scanNow(); // ignored: the button is disabled while running
        assertThat(scheduler.runNowRequests()).hasSize(1);

        scheduler.publish(List.of(Statuses.scanIdle()));
        assertThat(buttonText()).isEqualTo("Scan now");
        assertThat(buttonDisabled()).isFalse();
    }

    @Test
    void queuedEndsWhenTheFollowUpRunStarts() {
        scheduler.publish(List.of(Statuses.scanRunning(false)));
        model.start();
        scheduler.answerRunNowWith(RunNowResult.merged());
        model.apply(List.of(Statuses.scanIdle())); // a stale snapshot lets the click through
        model.scanNow();
        scheduler.publish(List.of(Statuses.scanRunning(true)));
        assertThat(buttonText()).isEqualTo("Queued");

        // The follow-up run starts straight after: a different run, nothing queued behind it.
        JobStatus followUp = Statuses.scanRunning(false, NOW.plusSeconds(60));
        scheduler.publish(List.of(followUp));

        assertThat(buttonText()).isEqualTo("Scan running…");
    }

    @Test
    void followUpQueuedByTheSchedulerAloneAlsoShowsQueued() {
        model.start();

        scheduler.publish(List.of(Statuses.scanRunning(true)));

        assertThat(buttonText()).isEqualTo("Queued");
    }

    @Test
    void blockedClickExplainsWhyInTheStatusMessage() {
        model.start();
        scheduler.answerRunNowWith(RunNowResult.blocked("no state source configured; add one in Settings"));

        model.scanNow();

        assertThat(model.messageProperty().get()).isEqualTo("Scan blocked: no state source configured; add one in Settings");
        assertThat(buttonText()).isEqualTo("Scan now");
        assertThat(buttonDisabled()).isFalse();
    }

    @Test
    void buttonSaysRequestingWhileTheRequestIsInFlight() {
        Queue<Runnable> worker = new ArrayDeque<>();
        Executor queued = worker::add;
        SchedulerViewModel slow = new SchedulerViewModel(Optional.of(scheduler), new BackgroundTasks(queued, Runnable::run),
                Clock.fixed(NOW, ZoneOffset.UTC));
        slow.apply(Statuses.all());

        slow.scanNow();
        assertThat(slow.scanButtonTextProperty().get()).isEqualTo("Requesting…");
        assertThat(slow.scanButtonDisabledProperty().get()).isTrue();
        slow.scanNow(); // a double click sends nothing more
        assertThat(worker).hasSize(1);

        worker.poll().run();
        assertThat(slow.scanButtonTextProperty().get()).isEqualTo("Scan now");
        assertThat(scheduler.runNowRequests()).containsExactly("drift-scan");
    }

    @Test
    void readOnlyConsoleCannotScan() {
        SchedulerViewModel readOnly = new SchedulerViewModel(Optional.empty(), BackgroundTasks.sameThread(), Clock.systemUTC());
        readOnly.start();

        readOnly.scanNow();

        assertThat(readOnly.scanButtonDisabledProperty().get()).isTrue();
        assertThat(readOnly.jobs()).isEmpty();
        assertThat(readOnly.emptyTextProperty().get()).isEqualTo("Scheduler not running (read-only console)");
    }

    @Test
    void tickRecomputesTheCountdownFromTheClock() {
        MutableClock clock = new MutableClock(NOW);
        SchedulerViewModel ticking = new SchedulerViewModel(Optional.of(scheduler), BackgroundTasks.sameThread(), clock);
        ticking.start();
        assertThat(ticking.jobs().getFirst().nextRun()).isEqualTo("next in 4m 10s");

        clock.now = NOW.plusSeconds(70);
        ticking.tick();

        assertThat(ticking.jobs().getFirst().nextRun()).isEqualTo("next in 3m 0s");
    }

    @Test
    void aPushedSnapshotIsNotOverwrittenByTheSlowerInitialRead() {
        java.util.Deque<Runnable> ui = new ArrayDeque<>();
        SchedulerViewModel slow = new SchedulerViewModel(Optional.of(scheduler), new BackgroundTasks(Runnable::run, ui::add),
                Clock.fixed(NOW, ZoneOffset.UTC));
        slow.start();                                               // reads the idle statuses; its answer waits in the UI queue
        scheduler.publish(List.of(Statuses.scanRunning(false)));    // a newer pushed snapshot queues behind it

        // Deliver the pushed snapshot first and the initial read last, as a slow read would.
        ui.pollLast().run();
        ui.pollLast().run();

        assertThat(slow.scanButtonTextProperty().get()).isEqualTo("Scan running…");
        assertThat(slow.jobs()).hasSize(1);
    }

    @Test
    void closeUnsubscribes() throws Exception {
        model.start();
        assertThat(scheduler.subscriberCount()).isEqualTo(1);

        model.close();

        assertThat(scheduler.subscriberCount()).isZero();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void failedJobsAreListedWithTheScanFirstAndTheHeadlineCountsTheRest() {
        model.start();
        assertThat(model.failureTextProperty().get()).startsWith("daily-refresh failed: sts:GetCallerIdentity denied ");
        assertThat(model.failureHeadlineProperty().get()).isEqualTo(model.failureTextProperty().get());

        JobStatus idle = Statuses.scanIdle();
        dev.driftdeck.schedule.JobRun failed = new dev.driftdeck.schedule.JobRun(8, "drift-scan",
                dev.driftdeck.schedule.Trigger.SCHEDULED, NOW, NOW, NOW.plusSeconds(1),
                dev.driftdeck.schedule.RunOutcome.TIMED_OUT, "The run passed its deadline of 30 min.", 0);
        scheduler.publish(List.of(Statuses.dailyBackingOff(NOW), new JobStatus(idle.job(), idle.state(), failed,
                idle.nextRunAt(), idle.counters(), false, null)));

        assertThat(model.failureTextProperty().get().lines().toList()).extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly("drift-scan failed", "daily-refresh failed");
        assertThat(model.failureHeadlineProperty().get()).isEqualTo("drift-scan failed: The run passed its deadline of"
                + " 30 min. Scheduler → Run history… has the full error. (next in 4m 10s) (+1 more failing job(s))");

        scheduler.publish(List.of(Statuses.scanIdle(), Statuses.stateSyncIdle(NOW)));
        assertThat(model.failureTextProperty().get()).isEmpty();
        assertThat(model.failureHeadlineProperty().get()).isEmpty();
    }
}
