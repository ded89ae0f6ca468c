package dev.driftdeck.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job and how the scheduler runs it.
 *
 * @param job             the work
 * @param schedule        when its slots fall (every N, or daily at a local time); a schedule persisted by the
 *                        operator overrides this default
 * @param enabled         false keeps the job out of ticks and manual runs (DISABLED)
 * @param runAtFirstStart true: a job never scheduled before is due at once; false: its first slot is the first one
 *                        after the first start (the drift scan, which has nothing to scan until the operator
 *                        configured sources and would only fail)
 * @param deadline        how long one run may take before it is recorded TIMED_OUT and asked to stop, or null for
 *                        no deadline
 * @param maxJitter       each slot starts up to this much after its nominal time, by an amount fixed per job and
 *                        slot, so jobs due together do not all hit AWS in the same second; zero for none
 */
public record JobDefinition(Job job, Schedule schedule, boolean enabled, boolean runAtFirstStart, Duration deadline,
                            Duration maxJitter) {

    public JobDefinition {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(schedule, "Job " + job.name() + ": schedule");
        if (deadline != null && (deadline.isZero() || deadline.isNegative())) {
            throw new IllegalArgumentException("Job " + job.name() + ": deadline must be positive, was " + deadline);
        }
        maxJitter = maxJitter == null ? Duration.ZERO : maxJitter;
        if (maxJitter.isNegative()) {
            throw new IllegalArgumentException("Job " + job.name() + ": maxJitter must not be negative, was " + maxJitter);
        }
    }

    /** An interval job without deadline or jitter. */
    public JobDefinition(Job job, Duration interval, boolean enabled, boolean runAtFirstStart) {
        this(job, everyOf(job, interval), enabled, runAtFirstStart, null, Duration.ZERO);
    }

    /** An interval job that runs at once on its very first start. */
    public JobDefinition(Job job, Duration interval, boolean enabled) {
        this(job, interval, enabled, true);
    }

    public String name() {
        return job.name();
    }

    public JobDefinition withDeadline(Duration newDeadline) {
        return new JobDefinition(job, schedule, enabled, runAtFirstStart, newDeadline, maxJitter);
    }

    public JobDefinition withJitter(Duration newMaxJitter) {
        return new JobDefinition(job, schedule, enabled, runAtFirstStart, deadline, newMaxJitter);
    }

    /**
     * How long after its nominal time {@code slot} starts: the same for the same job and slot in every process
     * (a hash, not a random draw), within [0, maxJitter]. Computed from the nominal slot, never carried into the
     * next one, so jitter cannot accumulate into drift.
     */
    public Duration jitterFor(Instant slot) {
        long bound = maxJitter.toMillis();
        if (bound <= 0 || slot == null) {
            return Duration.ZERO;
        }
        long h = name().hashCode() * 0x9E3779B97F4A7C15L ^ slot.toEpochMilli();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return Duration.ofMillis(Math.floorMod(h, bound + 1));
    }

    private static Schedule everyOf(Job job, Duration interval) {
        if (interval == null || interval.toMillis() < 1) {
            throw new IllegalArgumentException("Job " + job.name() + ": interval must be at least 1 ms, was " + interval);
        }
        return new Schedule.Every(interval);
    }
}
