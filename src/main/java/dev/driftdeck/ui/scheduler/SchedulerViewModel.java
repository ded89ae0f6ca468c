package dev.driftdeck.ui.scheduler;

import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.JobState;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.LatestValueRelay;
import dev.driftdeck.ui.TeamStatus;
import dev.driftdeck.ui.TimeText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduler panel and the "Scan now" button. Snapshots arrive on scheduler threads and are
 * applied on the FX thread (coalesced); {@link #tick()} recomputes the countdown text every second.
 */
public final class SchedulerViewModel implements AutoCloseable {

    public static final String DRIFT_SCAN = "drift-scan";

    private final SchedulerControl scheduler;
    private final BackgroundTasks tasks;
    private final Clock clock;

    private final ObservableList<JobLine> jobs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper scanButtonText = new ReadOnlyStringWrapper(ScanButtonState.SCAN_NOW);
    private final ReadOnlyBooleanWrapper scanButtonDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper scanRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper failureText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failureHeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper teamText = new ReadOnlyStringWrapper("");
    /** The last team status shown; null on H2 or before the first one. */
    private TeamStatus team;

    private List<JobStatus> latest = List.of();
    private boolean requestInFlight;
    /** The job a "Run now" started, until its run is seen to end; null when no such message is showing. */
    private String startedJob;
    private boolean startedJobSeenRunning;
    /** When that request was sent: a finished run that started at or after it is the one it started. */
    private Instant startedJobRequestedAt;
    /** The sequence of the last snapshot applied; an older one arriving late is dropped. */
    private long appliedSequence;
    /** Stands for "merged into a run whose snapshot has not arrived yet" (our snapshot was older than the scheduler's). */
    private static final Instant UNSEEN_RUN = Instant.MIN;
    /** Start of the run a click was MERGED into; "Queued" holds until that run is over. */
    private Instant mergedDuringRunStartedAt;
    private AutoCloseable subscription;
    private boolean pushedSnapshotSeen;

    /**
     * @param scheduler the scheduler, or empty when the console is read-only
     */
    public SchedulerViewModel(Optional<SchedulerControl> scheduler, BackgroundTasks tasks, Clock clock) {
        this.scheduler = scheduler.orElse(null);
        this.tasks = Objects.requireNonNull(tasks);
        this.clock = Objects.requireNonNull(clock);
        emptyText.set(this.scheduler == null ? "Scheduler not running (read-only console)" : "Loading scheduler status…");
        refreshButton();
    }

    /** Subscribes to snapshots and loads the first ones off the FX thread. */
    public void start() {
        if (scheduler == null) {
            return;
        }
        LatestValueRelay<List<JobStatus>> relay = new LatestValueRelay<>(tasks.ui(), statuses -> {
            pushedSnapshotSeen = true;
            apply(statuses);
        }, (pending, arriving) -> sequenceOf(arriving) < sequenceOf(pending) ? pending : arriving);
        subscription = scheduler.subscribe(relay);
        // The first snapshot is read in the background; a pushed one that arrived meanwhile is newer and wins.
        tasks.run(scheduler::statuses, statuses -> {
            if (!pushedSnapshotSeen) {
                apply(statuses);
            }
        }, e -> message.set("Could not read the scheduler status: " + e.getMessage()));
    }

    /**
     * Applies a snapshot (FX thread). One older than the last applied (published by another scheduler thread and
     * overtaken on the way) is dropped: it would show a finished run as still running.
     */
    public void apply(List<JobStatus> statuses) {
        long sequence = sequenceOf(statuses);
        if (sequence < appliedSequence) {
            return;
        }
        appliedSequence = sequence;
        latest = List.copyOf(statuses);
        reportFinishedRun();
        JobStatus scan = scanJob();
        trackMergedRun(scan);
        scanRunning.set(scan != null && scan.state() == JobState.RUNNING);
        if (latest.isEmpty()) {
            emptyText.set("The scheduler has no jobs");
        }
        tick();
        refreshButton();
    }

    /**
     * Replaces "drift-scan started" with how that run ended once the job is seen running and then no longer
     * running, so the status bar never claims a run is under way after it finished.
     */
    private void reportFinishedRun() {
        if (startedJob == null) {
            return;
        }
        JobStatus status = latest.stream().filter(s -> s.job().equals(startedJob)).findFirst().orElse(null);
        if (status == null) {
            return;
        }
        if (status.state() == JobState.RUNNING) {
            startedJobSeenRunning = true;
        } else if (status.lastRun() != null && status.lastRun().outcome() != null
                && (startedJobSeenRunning || !status.lastRun().startedAt().isBefore(startedJobRequestedAt))) {
            // Seen running and now not, or a run that started after the click has already ended: the run may have
            // come and gone between two applied snapshots (they coalesce), so RUNNING may never have been seen.
            var run = status.lastRun();
            message.set(startedJob + " finished: " + run.outcome()
                    + (run.duration() == null ? "" : " in " + TimeText.elapsed(run.duration())));
            startedJob = null;
        }
    }

    private void awaitFinishOf(String job, Instant requestedAt) {
        startedJob = job;
        startedJobSeenRunning = false;
        startedJobRequestedAt = requestedAt;
        reportFinishedRun(); // the run may have ended before the scheduler's answer came back
    }

    private static long sequenceOf(List<JobStatus> statuses) {
        return statuses.isEmpty() ? 0 : statuses.getFirst().sequence();
    }

    /** Recomputes time-relative text ("next in 4m 10s"); the view calls it once a second. */
    public void tick() {
        Instant now = clock.instant();
        jobs.setAll(latest.stream().map(status -> JobLine.of(status, now)).toList());
        List<String> failing = jobs.stream()
                .sorted(java.util.Comparator.comparing(line -> !DRIFT_SCAN.equals(line.job())))
                .map(JobLine::failure).filter(failure -> !failure.isEmpty()).toList();
        failureText.set(String.join("\n", failing));
        failureHeadline.set(failing.isEmpty() ? "" : failing.getFirst()
                + (failing.size() > 1 ? " (+" + (failing.size() - 1) + " more failing job(s))" : ""));
    }

    /**
     * "Scan now" (button, F5, Ctrl+R, "Rescan now" after an ignore-rule edit): asks the scheduler off the FX thread
     * and reports its answer. While a scan runs the request still goes out, and comes back MERGED into one
     * follow-up scan, which reads the settings and ignore rules afresh. Only a click whose request is still in
     * flight sends nothing more.
     */
    public void scanNow() {
        if (scheduler == null || requestInFlight) {
            return;
        }
        requestInFlight = true;
        refreshButton();
        Instant requestedAt = clock.instant();
        tasks.run(() -> scheduler.runNow(DRIFT_SCAN), result -> onRunNow(result, requestedAt), e -> {
            requestInFlight = false;
            message.set("Could not start a scan: " + e.getMessage());
            refreshButton();
        });
    }

    /** Per-job "Run now": STARTED, MERGED (the card then says "Queued"), or BLOCKED with the reason. */
    public void runNow(String job) {
        if (scheduler == null) {
            return;
        }
        Instant requestedAt = clock.instant();
        tasks.run(() -> scheduler.runNow(job), result -> {
            message.set(result.servedBy() != null && result.kind() != RunNowResult.Kind.BLOCKED
                    ? servedText(job, result)
                    : switch (result.kind()) {
                        case STARTED -> job + " started";
                        case MERGED -> job + " is running; one more run is queued after it";
                        case BLOCKED -> job + " blocked: " + (result.reason() == null ? "no reason given" : result.reason());
                    });
            if (result.kind() == RunNowResult.Kind.STARTED) {
                awaitFinishOf(job, requestedAt);
            }
        }, e -> message.set("Could not start " + job + ": " + e.getMessage()));
    }

    public void pause(String job) {
        control(job, "paused", () -> scheduler.pause(job));
    }

    public void resume(String job) {
        control(job, "resumed", () -> scheduler.resume(job));
    }

    /**
     * Applies the schedule typed in a card: minutes for an interval job ("15"), a local time for a daily one
     * ("03:30"). Re-phases from now. A bad value is refused with what to type instead.
     */
    public void reschedule(String job, String input) {
        JobStatus status = latest.stream().filter(s -> s.job().equals(job)).findFirst().orElse(null);
        if (scheduler == null || status == null || status.schedule() == null) {
            return;
        }
        Schedule schedule;
        try {
            schedule = ScheduleInput.parse(status.schedule(), input);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        control(job, "now runs " + schedule.describe(), () -> scheduler.reschedule(job, schedule));
    }

    private void control(String job, String done, Runnable action) {
        if (scheduler == null) {
            return;
        }
        tasks.run(action::run, () -> message.set(job + " " + done),
                e -> message.set("Could not change " + job + ": " + e.getMessage()));
    }

    private void onRunNow(RunNowResult result, Instant requestedAt) {
        requestInFlight = false;
        switch (result.kind()) {
            case STARTED -> {
                message.set(result.servedBy() == null ? "Scan started" : servedText("Scan now", result));
                awaitFinishOf(DRIFT_SCAN, requestedAt);
            }
            case MERGED -> {
                JobStatus scan = scanJob();
                Instant running = scan != null && scan.state() == JobState.RUNNING ? startOf(scan.lastRun()) : null;
                mergedDuringRunStartedAt = running != null ? running : UNSEEN_RUN;
                message.set(result.servedBy() == null ? "A scan is already running; one more run is queued after it"
                        : servedText("Scan now", result));
            }
            case BLOCKED -> message.set("Scan blocked: " + (result.reason() == null ? "no reason given" : result.reason()));
        }
        refreshButton();
    }

    /** A request another instance (the leader of a shared database) answered: which answer, and who gave it. */
    private static String servedText(String what, RunNowResult result) {
        return switch (result.kind()) {
            case STARTED -> what + " was STARTED by the leader " + result.servedBy();
            case MERGED -> what + " was MERGED by the leader " + result.servedBy()
                    + ": it was already running; one more run is queued after it";
            case BLOCKED -> what + " was BLOCKED by the leader " + result.servedBy() + ": " + result.reason();
        };
    }

    /**
     * Who leads the shared database (FX thread): this console (it runs the jobs; "took over" when it followed
     * before), another instance (this console follows, its Scan now asks the leader), or no one right now.
     */
    public void showTeam(TeamStatus status) {
        TeamStatus before = team;
        team = status;
        String since = status.since() == null ? "" : " since " + TIME.format(status.since().atZone(clock.getZone()));
        if (status.leads()) {
            boolean tookOver = before != null && !before.leads();
            teamText.set(tookOver
                    ? "This console took over the leadership of " + status.database() + since
                            + (before.holder() == null ? "" : " (" + before.holder() + " led before)")
                            + " and now runs the jobs."
                    : "This console leads " + status.database() + since + " and runs the jobs.");
        } else if (status.held() && status.holder() != null) {
            teamText.set("Following " + status.holder() + ", which leads " + status.database() + since
                    + " and runs the jobs; Scan now asks it.");
        } else {
            teamText.set("No Driftdeck leads " + status.database() + " right now"
                    + (status.holder() == null ? "" : " (" + status.holder() + " led last)")
                    + "; this console or another takes over within 15 s.");
        }
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Who leads the shared database, for the top of the scheduler page; "" on the embedded database. */
    public ReadOnlyStringProperty teamTextProperty() {
        return teamText.getReadOnlyProperty();
    }

    /** Keeps "Queued" for exactly the run the click merged into. */
    private void trackMergedRun(JobStatus scan) {
        if (mergedDuringRunStartedAt == null) {
            return;
        }
        Instant running = scan != null && scan.state() == JobState.RUNNING ? startOf(scan.lastRun()) : null;
        if (mergedDuringRunStartedAt == UNSEEN_RUN) {
            // The first run we see running is the one the scheduler merged the click into.
            if (running != null) {
                mergedDuringRunStartedAt = running;
            }
        } else if (!mergedDuringRunStartedAt.equals(running)) {
            mergedDuringRunStartedAt = null;
        }
    }

    private void refreshButton() {
        ScanButtonState state = ScanButtonState.of(scheduler == null, scanJob(), requestInFlight, mergedDuringRunStartedAt != null);
        scanButtonText.set(state.text());
        scanButtonDisabled.set(state.disabled());
    }

    private JobStatus scanJob() {
        return latest.stream().filter(s -> DRIFT_SCAN.equals(s.job())).findFirst().orElse(null);
    }

    private static Instant startOf(JobRun run) {
        return run == null ? null : run.startedAt();
    }

    public ObservableList<JobLine> jobs() {
        return jobs;
    }

    public ReadOnlyStringProperty scanButtonTextProperty() {
        return scanButtonText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanButtonDisabledProperty() {
        return scanButtonDisabled.getReadOnlyProperty();
    }

    /** True while the drift-scan job runs, per the latest snapshot. */
    public ReadOnlyBooleanProperty scanRunningProperty() {
        return scanRunning.getReadOnlyProperty();
    }

    /** The last thing the scheduler told the operator (blocked reason, merged...), for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Every job whose last run failed, one line each with the error, the fix and the next attempt (drift-scan
     * first); "" when none failed. The overview shows it.
     */
    public ReadOnlyStringProperty failureTextProperty() {
        return failureText.getReadOnlyProperty();
    }

    /** The first line of {@link #failureTextProperty()} and how many more there are, for the status bar. */
    public ReadOnlyStringProperty failureHeadlineProperty() {
        return failureHeadline.getReadOnlyProperty();
    }

    /** What the panel shows when there are no jobs to list. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** Unsubscribes from the scheduler; idempotent. */
    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // Unsubscribing can only fail inside the scheduler; the panel is going away either way.
                org.slf4j.LoggerFactory.getLogger(SchedulerViewModel.class).debug("Unsubscribing from the scheduler failed", e);
            }
            subscription = null;
        }
    }
}
