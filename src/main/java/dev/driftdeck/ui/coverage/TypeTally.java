package dev.driftdeck.ui.coverage;

import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One type's findings in one scan, counted by status, with why any were not checked: the alerts that name the type
 * (a failed listing says which account, region and IAM action), else the findings' own notes.
 *
 * @param counts     findings of the type by status (every status present, zero when none)
 * @param notChecked why resources of the type were not checked, each reason once; empty when all were
 */
public record TypeTally(Map<FindingStatus, Long> counts, List<String> notChecked) {

    public TypeTally {
        counts = Map.copyOf(counts);
        notChecked = List.copyOf(notChecked);
    }

    public long count(FindingStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    /** Resources of the type in the scan, whatever their status. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Every type the scan has a finding or an alert for, by type name. Off the FX thread: a pass over every finding.
     */
    public static Map<String, TypeTally> of(ScanReport report) {
        Map<String, Map<FindingStatus, Long>> counts = new TreeMap<>();
        Map<String, Set<String>> notes = new TreeMap<>();
        for (Finding finding : report.findings()) {
            counts.computeIfAbsent(finding.type(), type -> zeroes()).merge(finding.status(), 1L, Long::sum);
            if (finding.status() == FindingStatus.NOT_CHECKED && finding.note() != null) {
                notes.computeIfAbsent(finding.type(), type -> new LinkedHashSet<>()).add(finding.note());
            }
        }
        Map<String, Set<String>> alerts = new TreeMap<>();
        for (Alert alert : report.alerts()) {
            if (alert.type() != null) {
                alerts.computeIfAbsent(alert.type(), type -> new LinkedHashSet<>()).add(alert.message());
                counts.computeIfAbsent(alert.type(), type -> zeroes());
            }
        }
        Map<String, TypeTally> tallies = new TreeMap<>();
        counts.forEach((type, byStatus) -> {
            Set<String> why = alerts.getOrDefault(type, notes.getOrDefault(type, Set.of()));
            tallies.put(type, new TypeTally(byStatus, new ArrayList<>(why)));
        });
        return tallies;
    }

    private static Map<FindingStatus, Long> zeroes() {
        Map<FindingStatus, Long> zeroes = new EnumMap<>(FindingStatus.class);
        for (FindingStatus status : FindingStatus.values()) {
            zeroes.put(status, 0L);
        }
        return zeroes;
    }
}
