package dev.driftdeck.ui.scheduler;

import dev.driftdeck.schedule.JobCounters;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.JobState;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.ui.ErrorAdvice;
import dev.driftdeck.ui.TimeText;

import java.time.Duration;
import java.time.Instant;

/**
 * One job as the scheduler panel writes it, computed from a status snapshot and "now"; recomputed
 * every second so the countdown moves without new snapshots.
 *
 * @param job      job name
 * @param stateValue the state, for styling
 * @param state    "IDLE", "RUNNING"...
 * @param lastRun  "SUCCEEDED in 2.3 s, 5 min ago", "running for 12 s", "never ran"
 * @param nextRun  "next in 4m 10s", "due now", "paused"
 * @param counters "runs 12 · failures 1 · skipped 2 · coalesced 3 · merged 1"
 * @param reason   why it is blocked or backing off, else ""
 * @param paused   the operator paused it: the card is greyed and offers Resume
 * @param runNow   the per-job button: "Run now", or "Queued" once a run is queued behind the current one
 * @param schedule "every 15 min", "daily at 03:30 (Europe/Berlin)", or "" when unknown
 * @param scheduleInput what the schedule editor starts with: minutes ("15") or a time ("03:30")
 * @param error    what made the last run fail (FAILED or TIMED_OUT), one sentence; "" when it did not fail
 * @param fix      what the operator does about that error ({@link ErrorAdvice}); "" when it did not fail
 */
public record JobLine(String job, JobState stateValue, String state, String lastRun, String nextRun,
                      String counters, String reason, boolean paused, String runNow, String schedule,
                      String scheduleInput, String error, String fix) {

    public static final String RUN_NOW = "Run now";
    public static final String QUEUED = "Queued";

    public static JobLine of(JobStatus status, Instant now) {
        ErrorAdvice advice = failed(status.lastRun()) ? ErrorAdvice.of(status.lastRun().error()) : null;
        return new JobLine(
                status.job(),
                status.state(),
                status.state().name() + (status.followUpQueued() ? " · follow-up queued" : ""),
                lastRunText(status.lastRun(), now),
                nextRunText(status, now),
                countersText(status.counters()),
                status.blockedReason() == null ? "" : status.blockedReason(),
                status.paused(),
                status.followUpQueued() ? QUEUED : RUN_NOW,
                status.schedule() == null ? "" : status.schedule().describe(),
                scheduleInput(status.schedule()),
                advice == null ? "" : advice.problem(),
                advice == null ? "" : advice.fix());
    }

    /** The last run is over and failed: its error stays on show until a run ends otherwise. */
    private static boolean failed(JobRun run) {
        return run != null && (run.outcome() == RunOutcome.FAILED || run.outcome() == RunOutcome.TIMED_OUT);
    }

    /**
     * The failure in one line, for the overview and the status bar: "drift-scan failed: <error> <fix> (next in
     * 29m 50s)"; "" when the last run did not fail.
     */
    public String failure() {
        return error.isEmpty() ? "" : job + " failed: " + error + " " + fix + " (" + nextRun + ")";
    }

    static String scheduleInput(Schedule schedule) {
        return switch (schedule) {
            case null -> "";
            case Schedule.Every every -> Long.toString(Math.max(1, every.interval().toMinutes()));
            case Schedule.DailyAt daily -> daily.time().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        };
    }

    static String lastRunText(JobRun run, Instant now) {
        if (run == null) {
            return "never ran";
        }
        if (run.finishedAt() == null) {
            return "running for " + TimeText.elapsed(Duration.between(run.startedAt(), now))
                    + " (" + run.trigger().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        }
        if (run.outcome() == null) {
            // A run a previous process left behind, before start() marked it ABANDONED.
            return "unfinished run from " + TimeText.ago(Duration.between(run.startedAt(), now));
        }
        String outcome = run.outcome().name();
        return outcome + " in " + TimeText.elapsed(run.duration()) + ", " + TimeText.ago(Duration.between(run.finishedAt(), now));
    }

    static String nextRunText(JobStatus status, Instant now) {
        if (status.nextRunAt() == null) {
            return switch (status.state()) {
                case PAUSED -> "paused";
                case DISABLED -> "disabled";
                case BLOCKED -> "blocked";
                default -> "not scheduled";
            };
        }
        Duration until = Duration.between(now, status.nextRunAt());
        return until.isNegative() || until.isZero() ? "due now" : "next in " + TimeText.countdown(until);
    }

    static String countersText(JobCounters c) {
        JobCounters counters = c == null ? JobCounters.ZERO : c;
        return "runs " + counters.runs()
                + " · failures " + counters.failures()
                + " · skipped " + counters.skippedWhileRunning()
                + " · coalesced " + counters.coalescedSlots()
                + " · merged " + counters.mergedManualRequests();
    }
}
