package dev.driftdeck.drift;

import java.time.Instant;
import java.util.Objects;

/**
 * How long a resource has been seen, and how long it has been drifting, across scans.
 *
 * @param firstSeen     start of the first scan of the unbroken run of scans that listed this resource
 * @param driftedSince  start of the first scan of the unbroken run with its current drift status
 *                      (CHANGED, MISSING or UNMANAGED); null when it is not drifting
 */
public record FindingAge(Instant firstSeen, Instant driftedSince) {

    public FindingAge {
        Objects.requireNonNull(firstSeen, "firstSeen");
    }

    /** CHANGED, MISSING and UNMANAGED are drift; the rest is not. */
    public static boolean isDrift(FindingStatus status) {
        return status == FindingStatus.CHANGED || status == FindingStatus.MISSING || status == FindingStatus.UNMANAGED;
    }

    /**
     * The age of a finding in a scan that started at {@code scanStart}, given what the previous scan said about the
     * same resource ({@code previousStatus} and {@code previous} null when it was not in the previous scan).
     * Drift carries over only while the status stays the same (CHANGED then MISSING is a new drift). A NOT_CHECKED
     * scan in between says nothing new: it keeps the earlier drift start, so a failed listing never restarts the clock.
     */
    public static FindingAge next(FindingStatus previousStatus, FindingAge previous, FindingStatus status, Instant scanStart) {
        if (previous == null) {
            return new FindingAge(scanStart, isDrift(status) ? scanStart : null);
        }
        Instant drifted;
        if (status == FindingStatus.NOT_CHECKED) {
            drifted = previous.driftedSince();
        } else if (!isDrift(status)) {
            drifted = null;
        } else if (previous.driftedSince() != null
                && (previousStatus == status || previousStatus == FindingStatus.NOT_CHECKED)) {
            drifted = previous.driftedSince();
        } else {
            drifted = scanStart;
        }
        return new FindingAge(previous.firstSeen(), drifted);
    }
}
