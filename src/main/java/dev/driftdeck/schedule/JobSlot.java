package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one job inside {@link JobScheduler}: every transition is a synchronized method,
 * and {@link #running} is the single-flight flag each entry path claims with compareAndSet. No I/O and
 * no threads here; the scheduler does those with what these methods return.
 */
final class JobSlot {

    private static final Logger log = LoggerFactory.getLogger(JobSlot.class);

    /** What a tick did with this job. */
    record TickDecision(RunSpec claimed, boolean skipped) {
        static final TickDecision NOTHING = new TickDecision(null, false);
    }

    /** How a run ended: the run to record (null when shutdown already recorded it) and a follow-up to start. */
    record Completion(JobRun toRecord, RunSpec followUp) {
    }

    final JobDefinition definition;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Duration maxBackoff;

    private Instant nextDueAt;
    private boolean paused;
    private int consecutiveFailures;
    private Instant backoffUntil;
    private boolean followUpQueued;
    private Trigger followUpTrigger;
    /** The due slot a skip was last counted for, so a long run counts one skip per slot, not per tick. */
    private Instant lastSkippedSlot;
    private long runs;
    private long failures;
    private long skippedWhileRunning;
    private long coalescedSlots;
    private long mergedRequests;
    /** The last finished run, or the current one while running. */
    private JobRun lastRun;
    private RunContext current;

    JobSlot(JobDefinition definition, Instant nextDueAt, boolean paused, Duration maxBackoff) {
        this.definition = definition;
        this.nextDueAt = nextDueAt;
        this.paused = paused;
        this.maxBackoff = maxBackoff;
    }

    String name() {
        return definition.name();
    }

    /** Claims a scheduled run when a slot is due, or counts the slot as skipped when the job is running. */
    synchronized TickDecision tick(Instant now) {
        Instant pulledBack = DueSlots.pullBack(nextDueAt, definition.interval(), now);
        if (!pulledBack.equals(nextDueAt)) {
            log.warn("Job {} was next due at {}, more than one interval after now ({}): the clock went back;"
                    + " next due at {} instead", name(), nextDueAt, now, pulledBack);
            nextDueAt = pulledBack;
        }
        if (!definition.enabled() || paused || backingOff(now) || now.isBefore(nextDueAt)) {
            return TickDecision.NOTHING;
        }
        DueSlots due = DueSlots.of(nextDueAt, definition.interval(), now);
        if (running.compareAndSet(false, true)) {
            nextDueAt = due.nextDueAt();
            coalescedSlots += due.coalesced();
            return new TickDecision(new RunSpec(Trigger.SCHEDULED, due.scheduledFor(), due.coalesced()), false);
        }
        if (due.scheduledFor().equals(lastSkippedSlot)) {
            return TickDecision.NOTHING; // an earlier tick already counted this slot
        }
        lastSkippedSlot = due.scheduledFor();
        skippedWhileRunning++;
        return new TickDecision(null, true);
    }

    /**
     * A request outside the schedule: STARTED (the caller starts it) when idle, MERGED into at most one
     * follow-up when running, BLOCKED when the job may not run. Never moves {@link #nextDueAt}.
     */
    synchronized RunNowResult request(Trigger trigger, boolean closed) {
        if (closed) {
            return RunNowResult.blocked("The scheduler is shut down.");
        }
        if (!definition.enabled()) {
            return RunNowResult.blocked("Job " + name() + " is disabled.");
        }
        if (paused) {
            return RunNowResult.blocked("Job " + name() + " is paused; resume it to run it.");
        }
        if (running.compareAndSet(false, true)) {
            return RunNowResult.started();
        }
        if (!followUpQueued) {
            followUpQueued = true;
            followUpTrigger = trigger; // the first request names the follow-up
        }
        mergedRequests++;
        return RunNowResult.merged();
    }

    /** Gives up a claim whose run could not be submitted. */
    synchronized void release() {
        followUpQueued = false;
        running.set(false);
    }

    synchronized void begin(RunContext context, JobRun run) {
        current = context;
        lastRun = run;
    }

    /**
     * The run of {@code context} ended on its own. Keeps the claim for a queued follow-up, so nothing
     * can slip in between; otherwise releases it.
     */
    synchronized Completion complete(RunContext context, RunOutcome outcome, String error, Instant finishedAt,
                                     boolean closed) {
        JobRun toRecord = null;
        if (current == context) { // else shutdown recorded it CANCELLED already
            toRecord = finished(lastRun, finishedAt, outcome, error);
            ended(toRecord);
        }
        current = null;
        RunSpec followUp = null;
        if (followUpQueued && !closed && !paused && definition.enabled()) {
            followUp = new RunSpec(followUpTrigger, finishedAt, 0);
        } else {
            running.set(false);
        }
        followUpQueued = false;
        return new Completion(toRecord, followUp);
    }

    /** Shutdown gave up waiting: the current run, if any, ends CANCELLED now. */
    synchronized JobRun cancelIfRunning(Instant now, String error) {
        if (current == null) {
            return null;
        }
        JobRun cancelled = finished(lastRun, now, RunOutcome.CANCELLED, error);
        ended(cancelled);
        current = null;
        return cancelled;
    }

    synchronized void askToStop() {
        if (current != null) {
            current.cancel();
        }
    }

    synchronized void setPaused(boolean paused) {
        this.paused = paused;
    }

    synchronized RunStore.JobSchedule schedule() {
        return new RunStore.JobSchedule(nextDueAt, paused);
    }

    synchronized JobStatus snapshot(Instant now, boolean closed) {
        JobCounters counters = new JobCounters(runs, failures, skippedWhileRunning, coalescedSlots, mergedRequests);
        if (!definition.enabled()) {
            return status(JobState.DISABLED, null, counters, null);
        }
        if (current != null) {
            return status(JobState.RUNNING, nextDueAt, counters, null);
        }
        if (closed) {
            return status(JobState.BLOCKED, null, counters, "The scheduler is shut down.");
        }
        if (paused) {
            return status(JobState.PAUSED, null, counters, null);
        }
        if (backingOff(now)) {
            Instant next = backoffUntil.isAfter(nextDueAt) ? backoffUntil : nextDueAt;
            return status(JobState.BACKING_OFF, next, counters,
                    consecutiveFailures + " consecutive failure(s); next attempt not before " + backoffUntil + ".");
        }
        return status(JobState.IDLE, nextDueAt, counters, null);
    }

    private JobStatus status(JobState state, Instant next, JobCounters counters, String reason) {
        return new JobStatus(name(), state, lastRun, next, counters, followUpQueued, reason);
    }

    private boolean backingOff(Instant now) {
        return backoffUntil != null && now.isBefore(backoffUntil);
    }

    private void ended(JobRun run) {
        lastRun = run;
        runs++;
        switch (run.outcome()) {
            case FAILED, TIMED_OUT -> {
                failures++;
                consecutiveFailures++;
                backoffUntil = run.finishedAt().plus(Backoff.after(consecutiveFailures, definition.interval(), maxBackoff));
            }
            case SUCCEEDED, PARTIAL -> {
                consecutiveFailures = 0;
                backoffUntil = null;
            }
            case CANCELLED, ABANDONED -> {
                // Stopped from outside: says nothing about the job's health, so backoff stays as it was.
            }
        }
    }

    private static JobRun finished(JobRun started, Instant finishedAt, RunOutcome outcome, String error) {
        return new JobRun(started.id(), started.job(), started.trigger(), started.scheduledFor(), started.startedAt(),
                finishedAt, outcome, error, started.coalescedSlots());
    }
}
