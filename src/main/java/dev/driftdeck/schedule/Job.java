package dev.driftdeck.schedule;

/** A unit of scheduled work. The body runs on a worker thread, never on the tick thread. */
public interface Job {

    /** Stable name, e.g. {@code drift-scan}; used as the key in history and settings. */
    String name();

    /**
     * Does the work once. Throwing is a FAILED run; the scheduler survives it.
     * A body should poll {@link JobContext#cancelled()} between steps and stop early when asked.
     */
    RunOutcome run(JobContext context) throws Exception;
}
