package dev.driftdeck.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the scheduler keeps run history and per-job schedule state, so both survive a restart.
 * Implemented over H2 by {@code dev.driftdeck.store.JdbcRunStore}.
 */
public interface RunStore {

    /** Records a run as RUNNING and returns its id. */
    long runStarted(String job, Trigger trigger, Instant scheduledFor, Instant startedAt, int coalescedSlots);

    /** Completes a run; a run already completed (e.g. CANCELLED at shutdown) keeps its first outcome. */
    void runFinished(long runId, Instant finishedAt, RunOutcome outcome, String error);

    /** The newest runs of one job first. */
    List<JobRun> recentRuns(String job, int limit);

    /**
     * Marks every RUNNING run as ABANDONED. Call once at start, before any run: only one process can
     * hold the database, so a RUNNING row can only have been left by a process that died.
     *
     * @return how many runs were marked
     */
    int abandonStale(Instant now);

    /** The persisted schedule of a job, or empty when it was never scheduled. */
    Optional<JobSchedule> loadSchedule(String job);

    void saveSchedule(String job, JobSchedule schedule);

    /**
     * A job's persisted schedule.
     *
     * @param nextDueAt the wall-clock time of its next slot (its phase), or null when not yet known
     * @param paused    whether the operator paused it
     */
    record JobSchedule(Instant nextDueAt, boolean paused) {
    }
}
