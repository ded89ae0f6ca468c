package dev.driftdeck.remediation;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.risk.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which findings of a scan an export takes: by type, account and region (any of the given; none given means all) and
 * a severity floor (null for any).
 */
public record FindingSelection(Set<String> types, Set<String> accounts, Set<String> regions, Severity atLeast) {

    public static final FindingSelection ALL = new FindingSelection(Set.of(), Set.of(), Set.of(), null);

    public FindingSelection {
        types = Set.copyOf(types);
        accounts = Set.copyOf(accounts);
        regions = Set.copyOf(regions);
    }

    public boolean matches(Finding finding) {
        return (types.isEmpty() || types.contains(finding.type()))
                && (accounts.isEmpty() || accounts.contains(finding.account()))
                && (regions.isEmpty() || regions.contains(finding.region()))
                && (atLeast == null || finding.driftAtLeast(atLeast));
    }

    public boolean isEverything() {
        return types.isEmpty() && accounts.isEmpty() && regions.isEmpty() && atLeast == null;
    }

    /** {@code " (type aws_sqs_queue; severity High or worse)"}, or empty for everything. */
    String described() {
        List<String> parts = new ArrayList<>();
        if (!types.isEmpty()) {
            parts.add("type " + String.join(", ", types.stream().sorted().toList()));
        }
        if (!accounts.isEmpty()) {
            parts.add("account " + String.join(", ", accounts.stream().sorted().toList()));
        }
        if (!regions.isEmpty()) {
            parts.add("region " + String.join(", ", regions.stream().sorted().toList()));
        }
        if (atLeast != null) {
            parts.add("severity " + atLeast.label() + " or worse");
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }
}
