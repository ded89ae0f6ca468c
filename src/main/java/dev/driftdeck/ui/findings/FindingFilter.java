package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the operator asked to see: one status (or all) and a free-text search over id, address and type.
 * Immutable, so the table's predicate is replaced in one step when either input changes.
 *
 * @param status the status to show, or null for every status
 * @param text   case-insensitive text that id, address or type must contain; blank matches everything
 */
public record FindingFilter(FindingStatus status, String text) implements Predicate<Finding> {

    public static final FindingFilter ALL = new FindingFilter(null, "");

    public FindingFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(Finding finding) {
        if (status != null && finding.status() != status) {
            return false;
        }
        return text.isEmpty()
                || contains(finding.id())
                || contains(finding.address())
                || contains(finding.type());
    }

    public boolean isEmpty() {
        return status == null && text.isEmpty();
    }

    private boolean contains(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }
}
