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
     * Calls the listener (on a scheduler thread) with fresh snapshots after every state change.
     *
     * @return closing it unsubscribes
     */
    AutoCloseable subscribe(Consumer<List<JobStatus>> listener);
}
