package dev.driftdeck.store;

import dev.driftdeck.drift.Coverage;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Severity;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * One line of the scan history, read without loading findings.
 *
 * @param id         the scan id
 * @param startedAt  when it started
 * @param finishedAt when it finished
 * @param outcome    COMPLETE, or PARTIAL when something could not be checked
 * @param counts     findings per status (every status present, zero when none)
 * @param alerts     how many alerts it raised
 * @param driftBySeverity its drift (changed, missing, unmanaged) per severity, a severity absent when none; empty
 *                   for a scan stored before severities were (V6)
 */
public record ScanSummary(long id, Instant startedAt, Instant finishedAt, ScanOutcome outcome,
                          Map<FindingStatus, Long> counts, int alerts, Map<Severity, Long> driftBySeverity) {

    public ScanSummary {
        counts = Map.copyOf(counts);
        driftBySeverity = Map.copyOf(driftBySeverity);
    }

    /** The summary a stored report would get: for stores that keep reports in memory (tests, demos). */
    public static ScanSummary of(long id, ScanReport report) {
        Map<FindingStatus, Long> counts = new java.util.EnumMap<>(FindingStatus.class);
        for (FindingStatus status : FindingStatus.values()) {
            counts.put(status, report.count(status));
        }
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        report.findings().stream().filter(f -> f.status().isDrift() && f.severity() != null)
                .forEach(f -> bySeverity.merge(f.severity(), 1L, Long::sum));
        return new ScanSummary(id, report.startedAt(), report.finishedAt(), ScanOutcome.of(report), counts,
                report.alerts().size(), bySeverity);
    }

    /** Changed + missing + unmanaged: what the trend chart calls drift. */
    public long drift() {
        return count(FindingStatus.CHANGED) + count(FindingStatus.MISSING) + count(FindingStatus.UNMANAGED);
    }

    /** Drift of {@code floor} or worse; all drift when {@code floor} is null: one point of a filtered trend. */
    public long driftAtLeast(Severity floor) {
        if (floor == null) {
            return drift();
        }
        return driftBySeverity.entrySet().stream().filter(e -> e.getKey().atLeast(floor))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long count(FindingStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    public Coverage coverage() {
        return new Coverage(count(FindingStatus.IN_SYNC) + count(FindingStatus.CHANGED),
                count(FindingStatus.UNMANAGED), count(FindingStatus.MISSING));
    }
}
