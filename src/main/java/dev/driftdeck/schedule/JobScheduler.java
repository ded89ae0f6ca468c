package dev.driftdeck.schedule;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on wall-clock slots persisted in a {@link RunStore}: one tick loop decides what is due, job
 * bodies run on a worker pool, one run per job at a time, missed slots coalesced into one run, failures
 * backed off. Tests drive {@link #tick()} directly with a settable clock and a manual worker executor.
 *
 * <p>Listeners are called on the thread that made the change: the tick thread, a worker, or the caller
 * of {@link #runNow}/{@link #pause}/{@link #resume}. UI listeners hand the snapshot to their own thread.
 */
public final class JobScheduler implements SchedulerControl, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final ExecutorService workers;
    private final RunStore store;
    private final SchedulerOptions options;
    private final Map<String, JobSlot> slots = new LinkedHashMap<>();
    private final List<Consumer<List<JobStatus>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * Reads each job's persisted schedule; a job never scheduled before is due at once.
     *
     * @param ticker  runs the tick loop; owned (shut down) by this scheduler
     * @param workers runs job bodies; owned (shut down) by this scheduler
     */
    public JobScheduler(Clock clock, ScheduledExecutorService ticker, ExecutorService workers, RunStore store,
                        List<JobDefinition> jobs, SchedulerOptions options) {
        this.clock = clock;
        this.ticker = ticker;
        this.workers = workers;
        this.store = store;
        this.options = options;
        Instant now = clock.instant();
        for (JobDefinition definition : jobs) {
            RunStore.JobSchedule persisted = store.loadSchedule(definition.name())
                    .orElse(new RunStore.JobSchedule(null, false));
            Instant nextDue = persisted.nextDueAt() == null ? now : persisted.nextDueAt();
            if (slots.putIfAbsent(definition.name(), new JobSlot(definition, nextDue, persisted.paused())) != null) {
                throw new IllegalArgumentException("Two jobs are named " + definition.name() + "; job names must be unique");
            }
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
        long delay = options.tickDelay().toMillis();
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, delay, TimeUnit.MILLISECONDS);
        log.info("Scheduler started: {} job(s), tick every {} ms", slots.size(), delay);
    }

    /** Starts every job that is due now. Public so tests tick by hand after moving the clock. */
    public void tick() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        for (JobSlot slot : slots.values()) {
            try {
                tick(slot, now);
            } catch (RuntimeException e) {
                log.error("Tick for job {} failed; the next tick tries again", slot.name(), e);
            }
        }
    }

    private void tickSafely() {
        try {
            tick();
        } catch (Throwable e) {
            // A throw out of a fixed-delay task would silently end the loop.
            log.error("Scheduler tick failed; ticking continues", e);
        }
    }

    private void tick(JobSlot slot, Instant now) {
        RunSpec claimed = null;
        synchronized (slot) {
            if (!slot.definition.enabled() || slot.paused || slot.backingOff(now) || now.isBefore(slot.nextDueAt)) {
                return;
            }
            DueSlots due = DueSlots.of(slot.nextDueAt, slot.interval(), now);
            if (slot.running.compareAndSet(false, true)) {
                slot.nextDueAt = due.nextDueAt();
                slot.coalescedSlots += due.coalesced();
                claimed = new RunSpec(Trigger.SCHEDULED, due.scheduledFor(), due.coalesced());
            } else if (due.scheduledFor().equals(slot.lastSkippedSlot)) {
                return; // this slot's skip was already counted by an earlier tick
            } else {
                slot.lastSkippedSlot = due.scheduledFor();
                slot.skippedWhileRunning++;
                log.info("Job {} is still running; skipped its {} slot", slot.name(), due.scheduledFor());
            }
        }
        if (claimed != null) {
            persistSchedule(slot);
            submit(slot, claimed);
        }
        publish();
    }

    @Override
    public RunNowResult runNow(String job) {
        return request(job, Trigger.MANUAL);
    }

    /**
     * Asks for a run outside the schedule (manual, or a state change seen by {@code state-sync}).
     * Does not move the job's slots.
     */
    public RunNowResult request(String job, Trigger trigger) {
        JobSlot slot = slots.get(job);
        if (slot == null) {
            return RunNowResult.blocked("There is no job named '" + job + "'; known jobs: " + slots.keySet() + ".");
        }
        RunSpec claimed;
        synchronized (slot) {
            if (closed) {
                return RunNowResult.blocked("The scheduler is shut down.");
            }
            if (!slot.definition.enabled()) {
                return RunNowResult.blocked("Job " + job + " is disabled.");
            }
            if (slot.paused) {
                return RunNowResult.blocked("Job " + job + " is paused; resume it to run it.");
            }
            if (!slot.running.compareAndSet(false, true)) {
                // At most one follow-up however many requests arrive; the first request's trigger names it.
                if (!slot.followUpQueued) {
                    slot.followUpQueued = true;
                    slot.followUpTrigger = trigger;
                }
                slot.mergedRequests++;
                claimed = null;
            } else {
                claimed = new RunSpec(trigger, clock.instant(), 0);
            }
        }
        if (claimed != null) {
            submit(slot, claimed);
        }
        publish();
        return claimed != null ? RunNowResult.started() : RunNowResult.merged();
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
        JobSlot slot = slot(job);
        synchronized (slot) {
            slot.paused = paused;
        }
        persistSchedule(slot);
        log.info("Job {} {}", job, paused ? "paused" : "resumed");
        publish();
    }

    @Override
    public List<JobStatus> statuses() {
        Instant now = clock.instant();
        List<JobStatus> statuses = new ArrayList<>(slots.size());
        for (JobSlot slot : slots.values()) {
            synchronized (slot) {
                statuses.add(slot.snapshot(now, closed));
            }
        }
        return List.copyOf(statuses);
    }

    /** The listener gets the current snapshot at once, then a fresh one after every change. */
    @Override
    public AutoCloseable subscribe(Consumer<List<JobStatus>> listener) {
        listeners.add(listener);
        notify(listener, statuses());
        return () -> listeners.remove(listener);
    }

    private void submit(JobSlot slot, RunSpec spec) {
        try {
            workers.execute(() -> execute(slot, spec));
        } catch (RejectedExecutionException e) {
            // Only after close(): the pool no longer takes work, so nothing runs and the claim is released.
            log.info("Job {} not started: the worker pool is shut down", slot.name());
            synchronized (slot) {
                slot.followUpQueued = false;
                slot.running.set(false);
            }
        }
    }

    /** The worker side of one run. Catches everything: a job can fail, the scheduler cannot. */
    private void execute(JobSlot slot, RunSpec spec) {
        RunContext context = new RunContext(spec.trigger());
        Instant startedAt = clock.instant();
        long runId = 0;
        try {
            runId = store.runStarted(slot.name(), spec.trigger(), spec.scheduledFor(), startedAt, spec.coalescedSlots());
        } catch (RuntimeException e) {
            log.error("Could not record the start of a {} run; running it anyway", slot.name(), e);
        }
        synchronized (slot) {
            slot.current = context;
            slot.endRecordedByShutdown = false;
            slot.lastRun = new JobRun(runId, slot.name(), spec.trigger(), spec.scheduledFor(), startedAt, null, null,
                    null, spec.coalescedSlots());
        }
        publish();
        RunOutcome outcome;
        String error = null;
        try {
            outcome = slot.definition.job().run(context);
            if (outcome == null) {
                outcome = RunOutcome.FAILED;
                error = "Job " + slot.name() + " returned no outcome (a bug in the job).";
            }
        } catch (Throwable e) {
            outcome = RunOutcome.FAILED;
            error = stackTrace(e);
            log.warn("Job {} failed", slot.name(), e);
        }
        finish(slot, context, runId, outcome, error);
    }

    private void finish(JobSlot slot, RunContext context, long runId, RunOutcome outcome, String error) {
        Instant finishedAt = clock.instant();
        JobRun run;
        RunSpec followUp = null;
        boolean recordHere;
        synchronized (slot) {
            recordHere = slot.current == context && !slot.endRecordedByShutdown;
            run = new JobRun(runId, slot.name(), slot.lastRun.trigger(), slot.lastRun.scheduledFor(),
                    slot.lastRun.startedAt(), finishedAt, outcome, error, slot.lastRun.coalescedSlots());
            if (recordHere) {
                slot.ended(run, options.maxBackoff());
            }
            slot.current = null;
            if (slot.followUpQueued && !closed && !slot.paused && slot.definition.enabled()) {
                // Keep the single-flight claim: the follow-up inherits it, so nothing can slip in between.
                followUp = new RunSpec(slot.followUpTrigger, finishedAt, 0);
            } else {
                slot.running.set(false);
            }
            slot.followUpQueued = false;
        }
        if (recordHere) {
            recordEnd(run);
            log.info("Job {} {} in {} ms", slot.name(), outcome, run.duration().toMillis());
        }
        if (followUp != null) {
            submit(slot, followUp);
        }
        publish();
    }

    /**
     * Stops ticking, asks the running jobs to stop, waits up to {@code shutdownWait} for them, records
     * CANCELLED for any that did not finish, and shuts both executors down.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.shutdownNow();
        for (JobSlot slot : slots.values()) {
            synchronized (slot) {
                if (slot.current != null) {
                    slot.current.cancel();
                }
            }
        }
        workers.shutdown();
        try {
            workers.awaitTermination(options.shutdownWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Instant now = clock.instant();
        for (JobSlot slot : slots.values()) {
            JobRun cancelled = null;
            synchronized (slot) {
                if (slot.current != null && !slot.endRecordedByShutdown) {
                    slot.endRecordedByShutdown = true;
                    JobRun current = slot.lastRun;
                    cancelled = new JobRun(current.id(), current.job(), current.trigger(), current.scheduledFor(),
                            current.startedAt(), now, RunOutcome.CANCELLED,
                            "Driftdeck closed while this run was in progress; it did not stop within "
                                    + options.shutdownWait().toMillis() + " ms.", current.coalescedSlots());
                    slot.ended(cancelled, options.maxBackoff());
                }
            }
            if (cancelled != null) {
                recordEnd(cancelled);
                log.warn("Job {} did not stop within {} ms; recorded CANCELLED", slot.name(),
                        options.shutdownWait().toMillis());
            }
        }
        workers.shutdownNow();
        publish();
        log.info("Scheduler closed");
    }

    private void recordEnd(JobRun run) {
        if (run.id() == 0) {
            return; // its start could not be recorded either
        }
        try {
            store.runFinished(run.id(), run.finishedAt(), run.outcome(), run.error());
        } catch (RuntimeException e) {
            log.error("Could not record the end of {} run {} ({})", run.job(), run.id(), run.outcome(), e);
        }
    }

    private void persistSchedule(JobSlot slot) {
        RunStore.JobSchedule schedule;
        synchronized (slot) {
            schedule = new RunStore.JobSchedule(slot.nextDueAt, slot.paused);
        }
        try {
            store.saveSchedule(slot.name(), schedule);
        } catch (RuntimeException e) {
            log.error("Could not persist the schedule of {}; it holds until restart", slot.name(), e);
        }
    }

    private JobSlot slot(String job) {
        JobSlot slot = slots.get(job);
        if (slot == null) {
            throw new IllegalArgumentException("There is no job named '" + job + "'; known jobs: " + slots.keySet());
        }
        return slot;
    }

    private void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        List<JobStatus> snapshot = statuses();
        for (Consumer<List<JobStatus>> listener : listeners) {
            notify(listener, snapshot);
        }
    }

    private static void notify(Consumer<List<JobStatus>> listener, List<JobStatus> snapshot) {
        try {
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            log.warn("A scheduler status listener failed; it stays subscribed", e);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
