package dev.driftdeck.drift;

import dev.driftdeck.risk.DefaultSeverity;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.RiskCatalogue;
import dev.driftdeck.risk.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A finding's severity: the most severe risk its drift introduced, else the default for its status and type
 * ({@link DefaultSeverity}); a MISSING security control is never below HIGH. No drift, no severity.
 */
public final class FindingSeverity {

    private FindingSeverity() {
    }

    public static Severity of(FindingStatus status, String type, List<AttributeDiff> diffs, List<Risk> risks) {
        if (status == null) {
            return null; // a finding being refused by the store (it names the missing status), not graded
        }
        Severity worst = RiskCatalogue.highest(risks);
        return switch (status) {
            case CHANGED -> worst != null ? worst : DefaultSeverity.changed(type, changedAttributes(diffs));
            case MISSING -> worst == null ? DefaultSeverity.missing(type)
                    : DefaultSeverity.SECURITY_CONTROLS.contains(type) ? Severity.max(worst, Severity.HIGH) : worst;
            case UNMANAGED -> worst != null ? worst : DefaultSeverity.unmanaged(type);
            case IN_SYNC, IGNORED, NOT_CHECKED -> null;
        };
    }

    /** The top-level attributes the differences touch: {@code tags} for {@code tags.Owner}. */
    public static Set<String> changedAttributes(List<AttributeDiff> diffs) {
        Set<String> names = new LinkedHashSet<>();
        for (AttributeDiff diff : diffs) {
            if (!diff.path().isEmpty()) {
                names.add(diff.path().getFirst());
            }
        }
        return names;
    }
}
