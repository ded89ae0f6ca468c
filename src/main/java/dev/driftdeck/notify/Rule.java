package dev.driftdeck.notify;

/** Why a notification was sent: the rule that fired (the delivery history's "rule"). */
public enum Rule {
    /** Drift at or above the severity floor that was not announced before. */
    NEW_DRIFT("drift.new"),
    /** Announced drift that a later scan no longer finds. */
    RESOLVED("drift.resolved"),
    /** A scheduled job failed. */
    JOB_FAILED("job.failed"),
    /** No scan succeeded for the configured number of hours. */
    STALE("scan.stale"),
    /** The daily or weekly digest. */
    DIGEST("drift.digest"),
    /** "Send a test message". */
    TEST("test"),
    /** {@code scan --notify}: one message for one CLI scan's drift. */
    SCAN("scan.completed");

    private final String eventType;

    Rule(String eventType) {
        this.eventType = eventType;
    }

    /** The generic webhook's {@code type} field. */
    public String eventType() {
        return eventType;
    }
}
