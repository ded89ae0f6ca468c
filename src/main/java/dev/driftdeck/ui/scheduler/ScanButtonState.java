package dev.driftdeck.ui.scheduler;

import dev.driftdeck.schedule.JobState;
import dev.driftdeck.schedule.JobStatus;

/**
 * What the "Scan now" button says and whether it can be clicked. It mirrors the scheduler's
 * single-flight rule: one drift scan at a time, at most one follow-up queued behind it.
 *
 * @param text     the button's label
 * @param disabled true when a click cannot do anything useful
 */
public record ScanButtonState(String text, boolean disabled) {

    public static final String SCAN_NOW = "Scan now";
    public static final String REQUESTING = "Requesting…";
    public static final String RUNNING = "Scan running…";
    public static final String QUEUED = "Queued";

    /**
     * @param readOnly        the gate is closed: no scheduler at all
     * @param scanJob         the drift-scan job's latest snapshot, or null before the first one
     * @param requestInFlight a click is being sent to the scheduler right now
     * @param mergedThisRun   a click during the current run was MERGED (a follow-up is queued)
     */
    public static ScanButtonState of(boolean readOnly, JobStatus scanJob, boolean requestInFlight, boolean mergedThisRun) {
        if (readOnly) {
            return new ScanButtonState(SCAN_NOW, true);
        }
        if (requestInFlight) {
            return new ScanButtonState(REQUESTING, true);
        }
        if (scanJob != null && scanJob.state() == JobState.RUNNING) {
            boolean queued = mergedThisRun || scanJob.followUpQueued();
            return new ScanButtonState(queued ? QUEUED : RUNNING, true);
        }
        // IDLE, PAUSED, BACKING_OFF, DISABLED, BLOCKED: a manual run may still be asked for;
        // the scheduler answers BLOCKED with its reason when it cannot, and the status bar says why.
        return new ScanButtonState(SCAN_NOW, false);
    }
}
