package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of a job, as recorded in the run history.
 *
 * @param id             database id, or 0 before it was stored
 * @param job            job name, e.g. {@code drift-scan}
 * @param trigger        why it ran
 * @param scheduledFor   the nominal slot it ran for (the start time for manual runs)
 * @param startedAt      when it started
 * @param finishedAt     when it finished, or null while running
 * @param outcome        how it ended, or null while running
 * @param error          the error message (with stack trace) when it failed, else null
 * @param coalescedSlots how many missed slots this run stands for beyond its own (0 when on time)
 */
public record JobRun(
        long id,
        String job,
        Trigger trigger,
        Instant scheduledFor,
        Instant startedAt,
        Instant finishedAt,
        RunOutcome outcome,
        String error,
        int coalescedSlots) {

    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
