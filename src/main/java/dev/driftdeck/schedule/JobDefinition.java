package dev.driftdeck.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * A job and how the scheduler runs it.
 *
 * @param job      the work
 * @param interval time between slots; slots keep the phase of the first one
 * @param enabled  false keeps the job out of ticks and manual runs (DISABLED)
 */
public record JobDefinition(Job job, Duration interval, boolean enabled) {

    public JobDefinition {
        Objects.requireNonNull(job, "job");
        // Slots are computed in whole milliseconds.
        if (interval == null || interval.toMillis() < 1) {
            throw new IllegalArgumentException("Job " + job.name() + ": interval must be at least 1 ms, was " + interval);
        }
    }

    public String name() {
        return job.name();
    }
}
