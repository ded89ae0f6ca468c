package dev.driftdeck.schedule;

/** Per-job counters since the scheduler started. */
public record JobCounters(
        long runs,
        long failures,
        long skippedWhileRunning,
        long coalescedSlots,
        long mergedManualRequests) {

    public static final JobCounters ZERO = new JobCounters(0, 0, 0, 0, 0);
}
