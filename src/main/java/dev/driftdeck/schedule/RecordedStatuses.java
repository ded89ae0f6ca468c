package dev.driftdeck.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jobs of a scheduler that runs in another process, read back from what it records (a follower of a shared
 * database shows its leader's jobs this way): each job's persisted schedule and next slot, and its newest run. What
 * only lives in the leader's memory (counters, backoff, a queued follow-up) is not known here.
 */
public final class RecordedStatuses {

    private RecordedStatuses() {
    }

    /**
     * @param defaults    every job's name and default schedule (used until the leader stored its own), in the order
     *                    shown
     * @param leaderAlive whether some instance holds the leader's lock now: a run left unfinished by a leader that
     *                    died is not running (the next leader marks it ABANDONED)
     * @param noLeader    why no job runs while no one leads, shown on each card then
     * @param sequence    the snapshots' sequence (see {@link JobStatus#sequence()})
     */
    public static List<JobStatus> read(RunStore store, Map<String, Schedule> defaults, boolean leaderAlive,
                                       String noLeader, long sequence) {
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
                    JobCounters.ZERO, false, reason, schedule, persisted.paused(), sequence));
        }
        return List.copyOf(statuses);
    }
}
