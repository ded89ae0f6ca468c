package dev.driftdeck.remediation;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import java.util.Objects;

/**
 * Which findings go into an import file: the unmanaged ones that {@code filters} (type, account, region, severity
 * floor; the fix plan's too) selects.
 *
 * @param filters the same filters over every status
 */
public record ImportSelection(FindingSelection filters) {

    public static final ImportSelection ALL = new ImportSelection(FindingSelection.ALL);

    public ImportSelection {
        Objects.requireNonNull(filters, "filters");
    }

    public boolean selects(Finding f) {
        return f.status() == FindingStatus.UNMANAGED && filters.matches(f);
    }

    /** "type aws_s3_bucket, severity high or above": what the header says was left out; empty for everything. */
    String describe() {
        return filters.describe();
    }
}
