package dev.driftdeck.schedule;

/**
 * A job's run failed for a reason the operator can act on (not a bug): thrown from {@link Job#run}, it is recorded
 * FAILED with its message as the run's error, without a stack trace, and counts as a failure (backoff) like any.
 */
public class JobFailedException extends RuntimeException {

    /** @param reason what failed and what to do, as the run history shows it */
    public JobFailedException(String reason) {
        super(reason, null, false, false);
    }
}
