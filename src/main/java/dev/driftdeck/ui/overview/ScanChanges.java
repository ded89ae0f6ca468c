package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.drift.ScanReport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between the two latest stored scans, matched by (type, id, status).
 *
 * @param newDrift    drift (CHANGED, MISSING, UNMANAGED) whose (type, id, status) the previous scan did not have;
 *                    every drift of the first scan ever is new
 * @param resolved    drift of the previous scan that is now in sync, ignored or gone; a resource that turned
 *                    NOT_CHECKED is not resolved (nobody looked), one that moved to another drift status is not
 *                    resolved either (it shows as new drift with its new status)
 * @param hasPrevious false for the first scan: there was nothing to compare with
 */
public record ScanChanges(List<Finding> newDrift, List<Finding> resolved, boolean hasPrevious) {

    public static final ScanChanges NONE = new ScanChanges(List.of(), List.of(), false);

    public ScanChanges {
        newDrift = List.copyOf(newDrift);
        resolved = List.copyOf(resolved);
    }

    /** One pass over each scan with a hash map: fine for 100,000 findings, but call it off the FX thread. */
    public static ScanChanges between(ScanReport previous, ScanReport latest) {
        if (previous == null) {
            return new ScanChanges(latest.findings().stream().filter(f -> FindingAge.isDrift(f.status())).toList(), List.of(), false);
        }
        Map<ResourceKey, FindingStatus> before = statuses(previous);
        Map<ResourceKey, FindingStatus> now = statuses(latest);
        List<Finding> fresh = latest.findings().stream()
                .filter(f -> FindingAge.isDrift(f.status()) && before.get(f.key()) != f.status())
                .toList();
        List<Finding> resolved = previous.findings().stream()
                .filter(f -> FindingAge.isDrift(f.status()) && isResolved(now.get(f.key())))
                .toList();
        return new ScanChanges(fresh, resolved, true);
    }

    private static boolean isResolved(FindingStatus now) {
        return now == null || now == FindingStatus.IN_SYNC || now == FindingStatus.IGNORED;
    }

    private static Map<ResourceKey, FindingStatus> statuses(ScanReport report) {
        Map<ResourceKey, FindingStatus> statuses = new HashMap<>(report.findings().size() * 2);
        for (Finding finding : report.findings()) {
            statuses.putIfAbsent(finding.key(), finding.status());
        }
        return statuses;
    }
}
