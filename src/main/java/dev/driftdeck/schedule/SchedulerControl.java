package dev.driftdeck.schedule;

import java.util.List;
import java.util.function.Consumer;

/** What the console may do with the scheduler; the UI depends on this, never on the implementation. */
public interface SchedulerControl {

    /** A snapshot of every job, in a stable order. */
    List<JobStatus> statuses();

    /** Manual "run now": STARTED when idle, MERGED when running, BLOCKED with a reason otherwise. */
    RunNowResult runNow(String job);

    void pause(String job);

    void resume(String job);

    /**
     * Puts a job on a new schedule at once, re-phased from now; persisted. A default so console test doubles
     * that never change schedules need not implement it.
     */
    default void reschedule(String job, Schedule schedule) {
        throw new UnsupportedOperationException("This scheduler cannot change the schedule of " + job);
    }

    /**
     * Calls the listener (on a scheduler thread) with fresh snapshots after every state change.
     *
     * @return closing it unsubscribes
     */
    AutoCloseable subscribe(Consumer<List<JobStatus>> listener);
}
