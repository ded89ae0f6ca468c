package dev.driftdeck.ui;

import dev.driftdeck.schedule.JobCounters;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.JobState;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.Trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Job status snapshots for UI tests, relative to a fixed "now". */
public final class Statuses {

    public static final Instant NOW = Instant.parse("2026-11-28T10:40:00Z");

    private Statuses() {
    }

    /** drift-scan idle: last run SUCCEEDED in 2.3 s, finished 5 min ago; next in 4m 10s. */
    public static JobStatus scanIdle() {
        return scanIdle(NOW);
    }

    public static JobStatus scanIdle(Instant now) {
        Instant finished = now.minus(Duration.ofMinutes(5));
        JobRun run = new JobRun(7, "drift-scan", Trigger.SCHEDULED, finished.minusMillis(2300), finished.minusMillis(2300),
                finished, RunOutcome.SUCCEEDED, null, 0);
        return new JobStatus("drift-scan", JobState.IDLE, run, now.plusSeconds(250), new JobCounters(12, 1, 2, 3, 1), false, null);
    }

    /** drift-scan running since 12 s ago (a manual run). */
    public static JobStatus scanRunning(boolean followUpQueued) {
        return scanRunning(followUpQueued, NOW);
    }

    public static JobStatus scanRunning(boolean followUpQueued, Instant now) {
        Instant started = now.minusSeconds(12);
        JobRun run = new JobRun(0, "drift-scan", Trigger.MANUAL, started, started, null, null, null, 0);
        return new JobStatus("drift-scan", JobState.RUNNING, run, now.plusSeconds(900), new JobCounters(13, 1, 2, 3, 1),
                followUpQueued, null);
    }

    public static JobStatus stateSyncIdle(Instant now) {
        Instant finished = now.minusSeconds(40);
        JobRun run = new JobRun(8, "state-sync", Trigger.SCHEDULED, finished.minusMillis(850), finished.minusMillis(850),
                finished, RunOutcome.SUCCEEDED, null, 0);
        return new JobStatus("state-sync", JobState.IDLE, run, now.plusSeconds(260), new JobCounters(40, 0, 0, 0, 0), false, null);
    }

    public static JobStatus dailyBackingOff(Instant now) {
        Instant finished = now.minus(Duration.ofHours(3));
        JobRun run = new JobRun(9, "daily-refresh", Trigger.SCHEDULED, finished.minusSeconds(4), finished.minusSeconds(4),
                finished, RunOutcome.FAILED, "sts:GetCallerIdentity denied", 0);
        return new JobStatus("daily-refresh", JobState.BACKING_OFF, run, now.plus(Duration.ofMinutes(8)),
                new JobCounters(3, 1, 0, 0, 0), false, "Failed: sts:GetCallerIdentity denied; retrying with backoff");
    }

    public static List<JobStatus> all() {
        return all(NOW);
    }

    public static List<JobStatus> all(Instant now) {
        return List.of(scanIdle(now), stateSyncIdle(now), dailyBackingOff(now));
    }
}
