package dev.driftdeck.schedule;

import java.time.Duration;

/**
 * Tuning of {@link JobScheduler}.
 *
 * @param tickDelay    fixed delay between ticks; bounds how late a due job starts
 * @param shutdownWait how long close() waits for a running job to stop after asking it to
 * @param maxBackoff   the cap of the failure backoff
 */
public record SchedulerOptions(Duration tickDelay, Duration shutdownWait, Duration maxBackoff) {

    public static SchedulerOptions defaults() {
        return new SchedulerOptions(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofHours(1));
    }
}
