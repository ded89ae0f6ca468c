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
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("Job " + job.name() + ": interval must be positive, was " + interval);
        }
    }

    public String name() {
        return job.name();
    }
}
