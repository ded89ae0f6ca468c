package dev.driftdeck.schedule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on wall-clock slots persisted in a {@link RunStore}: one tick loop decides what is due, job
 * bodies run on a worker pool, one run per job at a time, missed slots coalesced into one run, failures
 * backed off. Each job's state machine is a {@link JobSlot}; this class owns the threads and the I/O.
 * Tests drive {@link #tick()} by hand with a settable clock and a manual worker executor.
 *
 * <p>Listeners are called on the thread that made the change: the tick thread, a worker, or the caller
 * of {@link #runNow}/{@link #pause}/{@link #resume}. UI listeners hand the snapshot to their own thread.
 */
public final class JobScheduler implements SchedulerControl, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    /** Wall and monotonic time disagreeing by more than this between two ticks is a clock jump (or sleep). */
    static final Duration CLOCK_JUMP_THRESHOLD = Duration.ofSeconds(30);
    /** A catch-up run waits this long after start: the console's first minute belongs to the operator and state-sync. */
    static final Duration CATCH_UP_DELAY = Duration.ofMinutes(1);

    private final Clock clock;
    private final LongSupplier monotonicNanos;
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;
    private final RunStore store;
    private final RunRecorder recorder;
    private final SchedulerOptions options;
    private final Map<String, JobSlot> slots = new LinkedHashMap<>();
    private final StatusListeners listeners = new StatusListeners(this::statuses);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;
    private Instant lastTickWall;
    private long lastTickNanos;
    private volatile ClockJump lastClockJump;
    /** Orders status snapshots: taken one at a time, each numbered (see {@link JobStatus#sequence()}). */
    private final Object snapshotLock = new Object();
    private long snapshotSequence;

    /** As the full constructor, with {@link System#nanoTime()} as the monotonic source. */
    public JobScheduler(Clock clock, ScheduledExecutorService ticker, ExecutorService workers, RunStore store,
                        List<JobDefinition> jobs, SchedulerOptions options) {
        this(clock, System::nanoTime, ticker, workers, store, jobs, options);
    }

    /**
     * Reads each job's persisted schedule and its last run; a job never scheduled before is due as its definition
     * says, and a schedule the operator saved overrides the definition's default.
     *
     * @param monotonicNanos a clock that never jumps (System::nanoTime); compared with {@code clock} on every
     *                       tick to notice sleep and clock changes, and the base of run deadlines
     * @param ticker         runs the tick loop; owned (shut down) by this scheduler
     * @param workers        runs job bodies; owned (shut down) by this scheduler
     */
    public JobScheduler(Clock clock, LongSupplier monotonicNanos, ScheduledExecutorService ticker,
                        ExecutorService workers, RunStore store, List<JobDefinition> jobs, SchedulerOptions options) {
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.ticker = ticker;
        this.workers = workers;
        this.store = store;
        this.recorder = new RunRecorder(store);
        this.options = options;
        Instant now = clock.instant();
        for (JobDefinition definition : jobs) {
            RunStore.JobSchedule persisted = store.loadSchedule(definition.name())
                    .orElse(new RunStore.JobSchedule(null, false));
            Schedule schedule = ScheduleSpec.parse(persisted.scheduleSpec(), definition.schedule());
            Instant firstSlot = definition.runAtFirstStart() ? now : schedule.slotAfter(now);
            Instant nextDue = persisted.nextDueAt() == null ? firstSlot : persisted.nextDueAt();
            JobSlot slot = new JobSlot(definition, schedule, nextDue, persisted.paused(), options.maxBackoff());
            if (slots.putIfAbsent(definition.name(), slot) != null) {
                throw new IllegalArgumentException("Two jobs are named " + definition.name() + "; job names must be unique");
            }
            restoreLastRun(slot);
        }
    }

    private void restoreLastRun(JobSlot slot) {
        try {
            store.recentRuns(slot.name(), 1).stream().findFirst().ifPresent(slot::restoreLastRun);
        } catch (RuntimeException e) {
            log.warn("Could not read the last run of {}; its card says 'never ran' until it runs", slot.name(), e);
        }
    }

    /** A scheduler on its own named daemon threads: {@code driftdeck-tick} and {@code driftdeck-job-N}. */
    public static JobScheduler create(Clock clock, RunStore store, List<JobDefinition> jobs, SchedulerOptions options) {
        return new JobScheduler(clock,
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("driftdeck-tick")),
                Executors.newFixedThreadPool(Math.max(1, jobs.size()), DaemonThreads.numbered("driftdeck-job")),
                store, jobs, options);
    }

    /** Marks runs a previous process left RUNNING as ABANDONED, then starts the tick loop. */
    public void start() {
        if (closed || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("The scheduler was already started or closed; build a new one");
        }
        store.abandonStale(clock.instant());
        slots.values().forEach(this::restoreLastRun); // a run just marked ABANDONED is the last one now
        slots.values().forEach(this::catchUpIfMissed);
        long delay = options.tickDelay().toMillis();
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, delay, TimeUnit.MILLISECONDS);
        log.info("Scheduler started: {} job(s), tick every {} ms", slots.size(), delay);
    }

    /**
     * Anacron-style: a daily slot the tick will never run (the laptop was off or asleep through its misfire window,
     * or the job was first scheduled after it) and no successful run since that slot in the history: the job runs
     * once, {@link #CATCH_UP_DELAY} after start (plus its jitter), recorded with trigger CATCH_UP for that slot.
     */
    private void catchUpIfMissed(JobSlot slot) {
        Instant now = clock.instant();
        Instant missed = slot.unrunDailySlot(now);
        if (missed == null) {
            return;
        }
        try {
            if (succeededSince(slot.name(), missed)) {
                return;
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the run history of {}; catching up on its slot {} to be safe", slot.name(), missed, e);
        }
        Instant at = now.plus(CATCH_UP_DELAY).plus(slot.definition.jitterFor(missed));
        slot.catchUp(missed, at);
        log.info("Job {} missed its slot {} and has not succeeded since; catching up once at {}", slot.name(), missed, at);
    }

    private boolean succeededSince(String job, Instant slot) {
        for (RunOutcome done : new RunOutcome[] {RunOutcome.SUCCEEDED, RunOutcome.PARTIAL}) {
            List<JobRun> newest = store.runs(new RunQuery(job, done, 1));
            if (!newest.isEmpty() && !newest.getFirst().startedAt().isBefore(slot)) {
                return true;
            }
        }
        return false;
    }

    /** Times out overdue runs and starts every job that is due now. Public so tests tick by hand after moving the clock. */
    public void tick() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        long nowNanos = monotonicNanos.getAsLong();
        noticeClockJump(now, nowNanos);
        for (JobSlot slot : slots.values()) {
            try {
                JobSlot.TickDecision decision = slot.tick(now, nowNanos);
                if (decision.timedOut() != null) {
                    recorder.ended(decision.timedOut());
                }
                if (decision.claimed() != null || decision.rescheduled()) {
                    recorder.schedule(slot.name(), slot.schedule());
                }
                if (decision.claimed() != null) {
                    submit(slot, decision.claimed());
                } else if (decision.skipped()) {
                    log.info("Job {} is still running; skipped a slot", slot.name());
                }
                if (decision.changed()) {
                    listeners.publish();
                }
            } catch (RuntimeException e) {
                log.error("Tick for job {} failed; the next tick tries again", slot.name(), e);
            }
        }
    }

    /**
     * Compares how far the wall clock moved with how far the monotonic clock moved since the last tick. Forward
     * (laptop sleep, clock set ahead) needs nothing more: each overdue job coalesces its missed slots into one run.
     * Backward: slots are pulled back by each job's tick, and backoffs computed before the jump are shortened.
     */
    private void noticeClockJump(Instant now, long nowNanos) {
        if (lastTickWall != null) {
            Duration wall = Duration.between(lastTickWall, now);
            Duration monotonic = Duration.ofNanos(nowNanos - lastTickNanos);
            Duration jump = wall.minus(monotonic);
            if (jump.abs().compareTo(CLOCK_JUMP_THRESHOLD) > 0) {
                lastClockJump = new ClockJump(lastTickWall, now, jump);
                log.warn("Clock jump: the wall clock moved {} while {} passed (laptop sleep or clock change);"
                        + " {}", wall, monotonic, jump.isNegative()
                        ? "pulling schedules back so no job stalls"
                        : "each overdue job runs once to catch up");
                if (jump.isNegative()) {
                    slots.values().forEach(slot -> slot.clockWentBack(jump.negated()));
                }
            }
        }
        lastTickWall = now;
        lastTickNanos = nowNanos;
    }

    /** The last clock jump a tick noticed, if any. */
    public java.util.Optional<ClockJump> lastClockJump() {
        return java.util.Optional.ofNullable(lastClockJump);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (Throwable e) {
            // A throw out of a fixed-delay task would silently end the loop.
            log.error("Scheduler tick failed; ticking continues", e);
        }
    }

    @Override
    public RunNowResult runNow(String job) {
        return request(job, Trigger.MANUAL);
    }

    /**
     * Asks for a run outside the schedule (manual, or a state change seen by {@code state-sync}):
     * STARTED when idle, MERGED into one follow-up when running, BLOCKED with the reason otherwise.
     * Does not move the job's slots.
     */
    public RunNowResult request(String job, Trigger trigger) {
        JobSlot slot = slots.get(job);
        if (slot == null) {
            return RunNowResult.blocked("There is no job named '" + job + "'; known jobs: " + slots.keySet() + ".");
        }
        RunNowResult result = slot.request(trigger, closed);
        if (result.kind() == RunNowResult.Kind.STARTED) {
            submit(slot, new RunSpec(trigger, clock.instant(), 0));
        }
        if (result.kind() != RunNowResult.Kind.BLOCKED) {
            listeners.publish();
        }
        return result;
    }

    @Override
    public void pause(String job) {
        setPaused(job, true);
    }

    @Override
    public void resume(String job) {
        setPaused(job, false);
    }

    private void setPaused(String job, boolean paused) {
        JobSlot slot = slots.get(job);
        if (slot == null) {
            throw new IllegalArgumentException("There is no job named '" + job + "'; known jobs: " + slots.keySet());
        }
        slot.setPaused(paused);
        recorder.schedule(job, slot.schedule());
        log.info("Job {} {}", job, paused ? "paused" : "resumed");
        listeners.publish();
    }

    /**
     * Puts a job on a new schedule at once, re-phased from now (the next slot is the first one after now), and
     * persists it so it survives a restart.
     */
    @Override
    public void reschedule(String job, Schedule schedule) {
        JobSlot slot = slots.get(job);
        if (slot == null) {
            throw new IllegalArgumentException("There is no job named '" + job + "'; known jobs: " + slots.keySet());
        }
        RunStore.JobSchedule saved = slot.reschedule(schedule, clock.instant());
        recorder.schedule(job, saved);
        log.info("Job {} now runs {}; next slot {}", job, schedule.describe(), saved.nextDueAt());
        listeners.publish();
    }

    /**
     * One snapshot of every job. Snapshots are taken one at a time and numbered, so a later number never holds
     * older state than an earlier one: a listener that got them out of order keeps the higher.
     */
    @Override
    public List<JobStatus> statuses() {
        synchronized (snapshotLock) {
            long sequence = ++snapshotSequence;
            Instant now = clock.instant();
            List<JobStatus> statuses = new ArrayList<>(slots.size());
            for (JobSlot slot : slots.values()) {
                statuses.add(slot.snapshot(now, closed, sequence));
            }
            return List.copyOf(statuses);
        }
    }

    /** The listener gets the current snapshot at once, then a fresh one after every change. */
    @Override
    public AutoCloseable subscribe(Consumer<List<JobStatus>> listener) {
        return listeners.subscribe(listener);
    }

    private void submit(JobSlot slot, RunSpec spec) {
        try {
            workers.execute(() -> execute(slot, spec));
        } catch (RejectedExecutionException e) {
            // Only after close(): the pool takes no more work, so nothing runs and the claim is given up.
            log.info("Job {} not started: the worker pool is shut down", slot.name());
            slot.release();
        }
    }

    /**
     * The worker side of one run. Catches everything from the claim on: a job can fail, the scheduler cannot, and
     * an Error thrown before the body (recording the start, a status listener) must not leave the job claimed.
     */
    private void execute(JobSlot slot, RunSpec spec) {
        if (closed) {
            // Queued just before close(): shutdown() still drains the queue, but nothing should start now.
            slot.release();
            return;
        }
        RunContext context = new RunContext(spec.trigger());
        RunOutcome outcome;
        String error = null;
        try {
            Instant startedAt = clock.instant();
            long runId = recorder.started(slot.name(), spec, startedAt);
            slot.begin(context, new JobRun(runId, slot.name(), spec.trigger(), spec.scheduledFor(), startedAt,
                    null, null, null, spec.coalescedSlots()), monotonicNanos.getAsLong());
            listeners.publish();
            outcome = slot.definition.job().run(context);
            if (outcome == null) {
                outcome = RunOutcome.FAILED;
                error = "Job " + slot.name() + " returned no outcome (a bug in the job).";
            }
        } catch (JobFailedException e) {
            outcome = RunOutcome.FAILED;
            error = e.getMessage();
            log.warn("Job {} failed: {}", slot.name(), e.getMessage());
        } catch (Throwable e) {
            outcome = RunOutcome.FAILED;
            error = stackTrace(e);
            log.warn("Job {} failed", slot.name(), e);
        }
        JobSlot.Completion completion = slot.complete(context, outcome, error, clock.instant(), closed);
        if (completion.toRecord() != null) {
            recorder.ended(completion.toRecord());
            log.info("Job {} {} in {} ms", slot.name(), outcome, completion.toRecord().duration().toMillis());
        }
        if (completion.followUp() != null) {
            submit(slot, completion.followUp());
        }
        listeners.publish();
    }

    /**
     * Stops ticking, asks running jobs to stop, waits up to {@code shutdownWait} for them, records
     * CANCELLED for any that did not finish, and shuts both executors down. A job thread is never interrupted: it
     * may be inside H2, which closes its file channel on an interrupt. Jobs stop cooperatively (a scan between
     * scopes and before each AWS call); one that does not stop in time keeps its daemon thread until it returns.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.shutdown(); // not shutdownNow: a tick may be writing a schedule to H2; a tick in progress ends by itself
        awaitQuietly(ticker);
        slots.values().forEach(JobSlot::askToStop);
        workers.shutdown();
        try {
            workers.awaitTermination(options.shutdownWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String error = "Driftdeck closed while this run was in progress; it did not stop within "
                + options.shutdownWait().toMillis() + " ms.";
        for (JobSlot slot : slots.values()) {
            JobRun cancelled = slot.cancelIfRunning(clock.instant(), error);
            if (cancelled != null) {
                recorder.ended(cancelled);
                log.warn("Job {} did not stop within {} ms; recorded CANCELLED", slot.name(),
                        options.shutdownWait().toMillis());
            }
        }
        awaitQuietly(workers);
        listeners.publish();
        log.info("Scheduler closed");
    }

    /** Lets pool threads finish exiting, so "no lingering thread" holds the moment close() returns. */
    private void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
