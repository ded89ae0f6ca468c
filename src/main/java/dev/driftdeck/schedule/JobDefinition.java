package dev.driftdeck.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * A job and how the scheduler runs it.
 *
 * @param job                 the work
 * @param interval            time between slots; slots keep the phase of the first one
 * @param enabled             false keeps the job out of ticks and manual runs (DISABLED)
 * @param runAtFirstStart     true: a job never scheduled before is due at once; false: its first slot is one
 *                            interval after the first start (the drift scan, which has nothing to scan until the
 *                            operator configured sources and would only fail)
 */
public record JobDefinition(Job job, Duration interval, boolean enabled, boolean runAtFirstStart) {

    public JobDefinition {
        Objects.requireNonNull(job, "job");
        // Slots are computed in whole milliseconds.
        if (interval == null || interval.toMillis() < 1) {
            throw new IllegalArgumentException("Job " + job.name() + ": interval must be at least 1 ms, was " + interval);
        }
    }

    /** A job that runs at once on its very first start. */
    public JobDefinition(Job job, Duration interval, boolean enabled) {
        this(job, interval, enabled, true);
    }

    public String name() {
        return job.name();
    }
}
