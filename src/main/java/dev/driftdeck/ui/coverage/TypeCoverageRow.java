package dev.driftdeck.ui.coverage;

import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.SupportedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of the Coverage page: a type, whether Driftdeck checks it, and what the last scan found of it.
 *
 * @param type       Terraform resource type
 * @param scope      "global", "regional", or "" for a type Driftdeck does not support
 * @param supported  whether a scan checks the type
 * @param attributes compared ÷ the provider's arguments ("8/10"), or "" when not supported
 * @param tally      the last scan's findings of the type; null when there is no scan or none of the type
 * @param aliasOf    the canonical type of an alias, else null
 */
public record TypeCoverageRow(String type, String scope, boolean supported, String attributes, TypeTally tally,
                              String aliasOf) {

    /** Resources of the type in the last scan. */
    public long total() {
        return tally == null ? 0 : tally.total();
    }

    public long count(FindingStatus status) {
        return tally == null ? 0 : tally.count(status);
    }

    /** Managed resources: in the state and found (in sync or changed) or missing. */
    public long managed() {
        return count(FindingStatus.IN_SYNC) + count(FindingStatus.CHANGED) + count(FindingStatus.MISSING);
    }

    /** Why resources of the type were not checked, in one line; "" when all were. */
    public String why() {
        return tally == null ? "" : String.join(" · ", tally.notChecked());
    }

    public boolean hasNotChecked() {
        return count(FindingStatus.NOT_CHECKED) > 0 || tally != null && !tally.notChecked().isEmpty();
    }

    /**
     * The supported types in catalogue order, then the types the scan met that Driftdeck does not support (they are
     * NOT_CHECKED, with the scan's alert saying so).
     */
    public static List<TypeCoverageRow> of(List<SupportedType> catalog, Map<String, TypeTally> tallies) {
        List<TypeCoverageRow> rows = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (SupportedType type : catalog) {
            known.add(type.type());
            rows.add(new TypeCoverageRow(type.type(), type.global() ? "global" : "regional", true,
                    type.attributeCoverage(), tallies.get(type.type()), type.aliasOf()));
        }
        tallies.forEach((type, tally) -> {
            if (!known.contains(type)) {
                rows.add(new TypeCoverageRow(type, "", false, "", tally, null));
            }
        });
        return List.copyOf(rows);
    }
}
