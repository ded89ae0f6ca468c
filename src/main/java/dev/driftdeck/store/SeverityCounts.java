package dev.driftdeck.store;

import dev.driftdeck.risk.Severity;
import java.util.Map;

/** One scan's drift per severity (every severity missing from the map is zero). */
public record SeverityCounts(long scanId, Map<Severity, Long> counts) {

    public SeverityCounts {
        counts = Map.copyOf(counts);
    }

    /** Drift of {@code floor} or worse: one point of a trend filtered by severity. */
    public long atLeast(Severity floor) {
        return counts.entrySet().stream().filter(e -> e.getKey().atLeast(floor)).mapToLong(Map.Entry::getValue).sum();
    }
}
