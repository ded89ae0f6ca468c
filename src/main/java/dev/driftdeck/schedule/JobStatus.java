package dev.driftdeck.schedule;

import java.time.Instant;

/**
 * An immutable snapshot of one job, published to the console after every change.
 *
 * @param job             job name
 * @param state           what it is doing
 * @param lastRun         the last finished (or current) run, or null when it never ran
 * @param nextRunAt       when it is next due, or null when paused/disabled
 * @param counters        its counters
 * @param followUpQueued  true when a manual request arrived while running and one follow-up run is queued
 * @param blockedReason   why it is BLOCKED or BACKING_OFF (or why a timed-out run still holds it), else null
 * @param schedule        when its slots fall, or null when unknown
 * @param paused          whether the operator paused it (a job paused mid-run is RUNNING and paused)
 * @param sequence        when it was taken: higher is newer (every snapshot of one list shares it). Snapshots are
 *                        published from several threads and can arrive out of order; a receiver drops one older
 *                        than what it already applied. 0 for snapshots made outside the scheduler (tests).
 */
public record JobStatus(
        String job,
        JobState state,
        JobRun lastRun,
        Instant nextRunAt,
        JobCounters counters,
        boolean followUpQueued,
        String blockedReason,
        Schedule schedule,
        boolean paused,
        long sequence) {

    /** A snapshot without a sequence (tests of the panel's text). */
    public JobStatus(String job, JobState state, JobRun lastRun, Instant nextRunAt, JobCounters counters,
                     boolean followUpQueued, String blockedReason, Schedule schedule, boolean paused) {
        this(job, state, lastRun, nextRunAt, counters, followUpQueued, blockedReason, schedule, paused, 0);
    }

    /** A snapshot without schedule details (tests of the panel's text). */
    public JobStatus(String job, JobState state, JobRun lastRun, Instant nextRunAt, JobCounters counters,
                     boolean followUpQueued, String blockedReason) {
        this(job, state, lastRun, nextRunAt, counters, followUpQueued, blockedReason, null, state == JobState.PAUSED);
    }
}
