package dev.driftdeck.notify;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.store.SentDrift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, from one stored scan and the drift already announced, what is new and what was resolved: a drift is
 * announced once (until it is resolved), not on every scan. A pure function; the caller stores the result.
 */
public final class DriftLedger {

    private DriftLedger() {
    }

    /**
     * @param newDrift      drift at or above the floor never announced (or resolved since): announce and remember
     * @param resolved      announced drift this scan no longer has: announce as resolved and forget
     * @param resolvedKeys  the keys of {@code resolved}
     * @param remember      rows to store for {@code newDrift}
     */
    public record Changes(List<DriftItem> newDrift, List<DriftItem> resolved, List<String> resolvedKeys,
                          List<SentDrift> remember) {

        public boolean isEmpty() {
            return newDrift.isEmpty() && resolved.isEmpty();
        }
    }

    /**
     * @param floor the least severe new drift to announce; null for any
     */
    public static Changes compare(List<Finding> findings, List<SentDrift> sent, Severity floor, Instant now) {
        Map<String, SentDrift> announced = new LinkedHashMap<>();
        sent.forEach(s -> announced.put(s.driftKey(), s));
        List<DriftItem> newDrift = new ArrayList<>();
        List<SentDrift> remember = new ArrayList<>();
        Set<String> stillDrifting = new HashSet<>();
        // A resource whose listing failed this time is not known to be resolved: keep its announcement.
        Set<String> unknown = new HashSet<>();
        for (Finding finding : findings) {
            if (finding.status() == FindingStatus.NOT_CHECKED) {
                for (FindingStatus status : List.of(FindingStatus.CHANGED, FindingStatus.MISSING, FindingStatus.UNMANAGED)) {
                    unknown.add(key(finding, status));
                }
                continue;
            }
            if (!isDrift(finding.status())) {
                continue;
            }
            String key = key(finding, finding.status());
            stillDrifting.add(key);
            if (announced.containsKey(key) || (floor != null && !finding.driftAtLeast(floor))) {
                continue;
            }
            DriftItem item = DriftItem.of(finding);
            newDrift.add(item);
            remember.add(new SentDrift(key, finding.type(), finding.id(), finding.account(), finding.region(),
                    finding.status().name(), finding.severity() == null ? null : finding.severity().name(),
                    item.resource(), now));
        }
        List<DriftItem> resolved = new ArrayList<>();
        List<String> resolvedKeys = new ArrayList<>();
        for (SentDrift drift : announced.values()) {
            if (stillDrifting.contains(drift.driftKey()) || unknown.contains(drift.driftKey())) {
                continue;
            }
            resolvedKeys.add(drift.driftKey());
            resolved.add(new DriftItem(drift.resource(), drift.type(), drift.id(), FindingStatus.valueOf(drift.status()),
                    drift.account(), drift.region(), drift.severity() == null ? null : Severity.parse(drift.severity()),
                    List.of("no longer drifts"), null));
        }
        newDrift.sort(java.util.Comparator.comparing((DriftItem i) -> i.severity() == null ? Severity.INFO : i.severity()));
        return new Changes(newDrift, resolved, resolvedKeys, remember);
    }

    static boolean isDrift(FindingStatus status) {
        return status == FindingStatus.CHANGED || status == FindingStatus.MISSING || status == FindingStatus.UNMANAGED;
    }

    private static String key(Finding finding, FindingStatus status) {
        return SentDrift.keyOf(finding.type(), finding.id(), finding.account(), finding.region(), status.name());
    }
}
