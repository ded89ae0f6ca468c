package dev.driftdeck.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jobs of a scheduler that runs in another process, read back from what it records (a follower of a shared
 * database shows its leader's jobs this way): each job's persisted schedule and next slot, its newest run, and the
 * counters of the leader's term from its runs. What only lives in the leader's memory (backoff, a queued follow-up,
 * ticks skipped while running, merged requests) is not known here.
 */
public final class RecordedStatuses {

    private RecordedStatuses() {
    }

    /**
     * The scheduler whose counters the cards show: the one {@code instance} ({@code host:pid}) started at
     * {@code since} (a leader's term).
     */
    public record Term(String instance, Instant since) {
    }

    /**
     * @param defaults    every job's name and default schedule (used until the leader stored its own), in the order
     *                    shown
     * @param leaderAlive whether some instance holds the leader's lock now: a run left unfinished by a leader that
     *                    died is not running (the next leader marks it ABANDONED)
     * @param noLeader    why no job runs while no one leads, shown on each card then
     * @param sequence    the snapshots' sequence (see {@link JobStatus#sequence()})
     * @param term        whose runs the counters count, or null when no one is known to have led (zero)
     */
    public static List<JobStatus> read(RunStore store, Map<String, Schedule> defaults, boolean leaderAlive,
                                       String noLeader, long sequence, Term term) {
        List<JobStatus> statuses = new ArrayList<>(defaults.size());
        for (Map.Entry<String, Schedule> job : defaults.entrySet()) {
            RunStore.JobSchedule persisted = store.loadSchedule(job.getKey())
                    .orElse(new RunStore.JobSchedule(null, false));
            Schedule schedule = ScheduleSpec.parse(persisted.scheduleSpec(), job.getValue());
            JobRun lastRun = store.recentRuns(job.getKey(), 1).stream().findFirst().orElse(null);
            JobState state;
            String reason = null;
            if (!leaderAlive) {
                state = JobState.BLOCKED;
                reason = noLeader;
            } else if (lastRun != null && lastRun.outcome() == null) {
                state = JobState.RUNNING;
            } else if (persisted.paused()) {
                state = JobState.PAUSED;
            } else {
                state = JobState.IDLE;
            }
            statuses.add(new JobStatus(job.getKey(), state, lastRun, persisted.paused() ? null : persisted.nextDueAt(),
                    term == null ? JobCounters.ZERO : store.counters(job.getKey(), term.instance(), term.since()),
                    false, reason, schedule, persisted.paused(), sequence));
        }
        return List.copyOf(statuses);
    }
}
