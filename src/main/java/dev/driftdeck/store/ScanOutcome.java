package dev.driftdeck.store;

import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;

/** A stored scan is always whole; PARTIAL says some of it could not be checked. */
public enum ScanOutcome {
    COMPLETE,
    /** Some listing failed or a source was unreadable: NOT_CHECKED findings or alerts exist. */
    PARTIAL;

    static ScanOutcome of(ScanReport report) {
        boolean incomplete = !report.alerts().isEmpty() || report.count(FindingStatus.NOT_CHECKED) > 0
                || report.sources().stream().anyMatch(s -> s.error() != null);
        return incomplete ? PARTIAL : COMPLETE;
    }
}
