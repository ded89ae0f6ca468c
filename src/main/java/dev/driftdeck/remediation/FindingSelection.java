package dev.driftdeck.remediation;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.risk.Severity;
import java.util.Set;

/**
 * Which findings of a scan an export takes (the fix plan; the import file through {@link ImportSelection}): empty
 * sets and a null floor select everything.
 *
 * @param types    Terraform types, e.g. {@code aws_s3_bucket}
 * @param accounts AWS account ids
 * @param regions  regions ({@code global} for global types)
 * @param floor    the least severity taken (at or above), or null for any
 */
public record FindingSelection(Set<String> types, Set<String> accounts, Set<String> regions, Severity floor) {

    public static final FindingSelection ALL = new FindingSelection(Set.of(), Set.of(), Set.of(), null);

    public FindingSelection {
        types = Set.copyOf(types);
        accounts = Set.copyOf(accounts);
        regions = Set.copyOf(regions);
    }

    public boolean matches(Finding f) {
        return (types.isEmpty() || types.contains(f.type()))
                && (accounts.isEmpty() || accounts.contains(f.account()))
                && (regions.isEmpty() || regions.contains(f.region()))
                && (floor == null || f.driftAtLeast(floor));
    }

    public boolean isEverything() {
        return types.isEmpty() && accounts.isEmpty() && regions.isEmpty() && floor == null;
    }

    /** "type aws_s3_bucket, severity high or above": what a header says was left out; empty for everything. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "type", types);
        append(text, "account", accounts);
        append(text, "region", regions);
        if (floor != null) {
            text.append(text.isEmpty() ? "" : ", ").append("severity ").append(floor.label().toLowerCase(java.util.Locale.ROOT))
                    .append(" or above");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String what, Set<String> values) {
        if (!values.isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ").append(what).append(' ')
                    .append(String.join(" or ", values.stream().sorted().toList()));
        }
    }
}
