package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.store.ScanSummary;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One scan on the trend chart.
 *
 * @param at              when the scan started
 * @param changed         CHANGED findings
 * @param missing         MISSING findings
 * @param unmanaged       UNMANAGED findings
 * @param coveragePercent truncated coverage, as the summary shows it
 * @param driftBySeverity drift per severity (a severity absent when none), for the trend filtered by severity
 */
public record TrendPoint(Instant at, long changed, long missing, long unmanaged, int coveragePercent,
                         Map<Severity, Long> driftBySeverity) {

    public TrendPoint {
        driftBySeverity = Map.copyOf(driftBySeverity);
    }

    /** Drift of exactly this severity. */
    public long drift(Severity severity) {
        return driftBySeverity.getOrDefault(severity, 0L);
    }

    public long drift() {
        return changed + missing + unmanaged;
    }

    public static TrendPoint of(ScanSummary summary) {
        return new TrendPoint(summary.startedAt(), summary.count(FindingStatus.CHANGED), summary.count(FindingStatus.MISSING),
                summary.count(FindingStatus.UNMANAGED), summary.coverage().percent(), summary.driftBySeverity());
    }

    /** Oldest first, as a chart reads left to right; the history comes newest first. */
    public static List<TrendPoint> fromHistory(List<ScanSummary> newestFirst) {
        return newestFirst.stream().map(TrendPoint::of).sorted(Comparator.comparing(TrendPoint::at)).toList();
    }
}
