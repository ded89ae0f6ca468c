package dev.driftdeck.store;

import dev.driftdeck.drift.Coverage;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import java.time.Instant;
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
 */
public record ScanSummary(long id, Instant startedAt, Instant finishedAt, ScanOutcome outcome,
                          Map<FindingStatus, Long> counts, int alerts) {

    public ScanSummary {
        counts = Map.copyOf(counts);
    }

    /** The summary a stored report would get: for stores that keep reports in memory (tests, demos). */
    public static ScanSummary of(long id, ScanReport report) {
        Map<FindingStatus, Long> counts = new java.util.EnumMap<>(FindingStatus.class);
        for (FindingStatus status : FindingStatus.values()) {
            counts.put(status, report.count(status));
        }
        return new ScanSummary(id, report.startedAt(), report.finishedAt(), ScanOutcome.of(report), counts,
                report.alerts().size());
    }

    /** Changed + missing + unmanaged: what the trend chart calls drift. */
    public long drift() {
        return count(FindingStatus.CHANGED) + count(FindingStatus.MISSING) + count(FindingStatus.UNMANAGED);
    }

    public long count(FindingStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    public Coverage coverage() {
        return new Coverage(count(FindingStatus.IN_SYNC) + count(FindingStatus.CHANGED),
                count(FindingStatus.UNMANAGED), count(FindingStatus.MISSING));
    }
}
