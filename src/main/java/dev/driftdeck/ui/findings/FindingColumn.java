package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.Finding;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The findings table's sortable columns and how each orders findings. The sort compares the finding's own
 * fields (never the cells' text), so sorting 100,000 rows is one plain {@code List.sort} on a worker thread.
 */
public enum FindingColumn {
    SEVERITY("Severity"),
    STATUS("Status"),
    TYPE("Type"),
    RESOURCE("Resource"),
    LOCATION("Account / Region"),
    SOURCE("Source"),
    FIRST_SEEN("First seen"),
    DRIFTED_SINCE("Drifted since"),
    CHANGED_BY("Changed by");

    private final String title;

    FindingColumn(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Ascending order of this column; nulls (no address, no age...) last. */
    Comparator<Finding> comparator(FindingAgeLookup ages) {
        return switch (this) {
            case SEVERITY -> FindingsViewModel.BY_SEVERITY;
            case STATUS -> Comparator.comparing(Finding::status, StatusText.URGENCY);
            case TYPE -> text(Finding::type);
            case RESOURCE -> text(FindingsView::resourceText);
            case LOCATION -> text(Finding::account).thenComparing(text(Finding::region));
            case SOURCE -> text(Finding::source);
            case FIRST_SEEN -> instant(f -> ages.of(f.key()).map(FindingAge::firstSeen).orElse(null));
            case DRIFTED_SINCE -> instant(f -> ages.of(f.key()).map(FindingAge::driftedSince).orElse(null));
            case CHANGED_BY -> text(f -> f.changedBy().shortText());
        };
    }

    private static Comparator<Finding> text(Function<Finding, String> key) {
        return Comparator.comparing(key, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
    }

    private static Comparator<Finding> instant(Function<Finding, Instant> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** One column of a (possibly multi-column) sort. */
    public record SortKey(FindingColumn column, boolean ascending) {
    }
}
