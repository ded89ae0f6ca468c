package dev.driftdeck.remediation;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.Severity;
import java.util.Set;

/**
 * Which unmanaged findings go into an import file: the {@link FindingSelection} filters, unmanaged only; empty sets
 * and a null floor select everything.
 *
 * @param types    Terraform types, e.g. {@code aws_s3_bucket}
 * @param accounts AWS account ids
 * @param regions  regions ({@code global} for global types)
 * @param floor    the least severity taken (at or above), or null for any
 */
public record ImportSelection(Set<String> types, Set<String> accounts, Set<String> regions, Severity floor) {

    public static final ImportSelection ALL = new ImportSelection(Set.of(), Set.of(), Set.of(), null);

    public ImportSelection {
        types = Set.copyOf(types);
        accounts = Set.copyOf(accounts);
        regions = Set.copyOf(regions);
    }

    public boolean selects(Finding f) {
        return f.status() == FindingStatus.UNMANAGED && filters().matches(f);
    }

    /** "type aws_s3_bucket, severity high or above": what the header says was left out; empty for everything. */
    String describe() {
        return filters().describe();
    }

    /** The same filters over every status. */
    public FindingSelection filters() {
        return new FindingSelection(types, accounts, regions, floor);
    }
}
