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
    default List<JobRun> recentRuns(String job, int limit) {
        return runs(new RunQuery(job, null, limit));
    }

    /** The newest runs first, filtered by job and outcome. */
    List<JobRun> runs(RunQuery query);

    /**
     * What a scheduler's card counts, from the history: the runs of {@code job} that {@code instance} ({@code host:pid})
     * started at or after {@code since}. Runs (finished ones), failures (FAILED, TIMED_OUT) and coalesced slots (of
     * every run started, as the scheduler counts them when it claims the slot); the ticks skipped while running and
     * the merged requests are not recorded, so they are zero.
     */
    JobCounters counters(String job, String instance, Instant since);

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
     * @param nextDueAt    the wall-clock time of its next slot (its phase), or null when not yet known
     * @param paused       whether the operator paused it
     * @param scheduleSpec the schedule the operator chose ({@code every PT15M}, {@code daily 03:30}), or null for
     *                     the job's default
     */
    record JobSchedule(Instant nextDueAt, boolean paused, String scheduleSpec) {

        public JobSchedule(Instant nextDueAt, boolean paused) {
            this(nextDueAt, paused, null);
        }
    }
}
