package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The mutable state of one job inside {@link JobScheduler}. Every compound change happens under the
 * slot's monitor; {@link #running} is the single-flight flag every entry path claims.
 */
final class JobSlot {

    final JobDefinition definition;
    /** Claimed by compareAndSet on every entry path (tick, manual, state change); released when a run ends. */
    final AtomicBoolean running = new AtomicBoolean();

    Instant nextDueAt;
    boolean paused;
    int consecutiveFailures;
    Instant backoffUntil;
    boolean followUpQueued;
    Trigger followUpTrigger;
    /** The due slot a skip was last counted for, so a long run counts one skip per slot, not per tick. */
    Instant lastSkippedSlot;

    long runs;
    long failures;
    long skippedWhileRunning;
    long coalescedSlots;
    long mergedRequests;

    /** The last finished run, or the current one while running. */
    JobRun lastRun;
    RunContext current;
    /** Set by shutdown when it recorded CANCELLED itself, so the late end of the run does not overwrite it. */
    boolean endRecordedByShutdown;

    JobSlot(JobDefinition definition, Instant nextDueAt, boolean paused) {
        this.definition = definition;
        this.nextDueAt = nextDueAt;
        this.paused = paused;
    }

    String name() {
        return definition.name();
    }

    Duration interval() {
        return definition.interval();
    }

    boolean backingOff(Instant now) {
        return backoffUntil != null && now.isBefore(backoffUntil);
    }

    /** Updates counters and backoff for a run that ended on its own. */
    void ended(JobRun run, Duration maxBackoff) {
        lastRun = run;
        runs++;
        switch (run.outcome()) {
            case FAILED, TIMED_OUT -> {
                failures++;
                consecutiveFailures++;
                backoffUntil = run.finishedAt().plus(Backoff.after(consecutiveFailures, interval(), maxBackoff));
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

    JobStatus snapshot(Instant now, boolean closed) {
        JobCounters counters = new JobCounters(runs, failures, skippedWhileRunning, coalescedSlots, mergedRequests);
        JobState state;
        Instant next = nextDueAt;
        String reason = null;
        if (!definition.enabled()) {
            state = JobState.DISABLED;
            next = null;
        } else if (current != null) {
            state = JobState.RUNNING;
        } else if (closed) {
            state = JobState.BLOCKED;
            next = null;
            reason = "The scheduler is shut down.";
        } else if (paused) {
            state = JobState.PAUSED;
            next = null;
        } else if (backingOff(now)) {
            state = JobState.BACKING_OFF;
            next = backoffUntil.isAfter(nextDueAt) ? backoffUntil : nextDueAt;
            reason = consecutiveFailures + " consecutive failure(s); next attempt not before " + backoffUntil + ".";
        } else {
            state = JobState.IDLE;
        }
        return new JobStatus(name(), state, lastRun, next, counters, followUpQueued, reason);
    }
}
