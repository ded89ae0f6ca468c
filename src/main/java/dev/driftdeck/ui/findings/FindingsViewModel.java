package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.Comparator;
import java.util.List;

/**
 * The findings table's data: every finding of the shown scan, filtered by status and text, sorted by
 * the table. A new scan replaces the list with one {@code setAll} (one change event however big).
 */
public final class FindingsViewModel {

    static final String NO_SCAN_YET = "No scan yet — add a state source in Settings, then Scan now";
    static final String NOTHING_MATCHES = "No findings match the filter";
    static final String SCAN_EMPTY = "The last scan found no resources";

    /** Most urgent status first, then by type and id: the order rows have before any column sort. */
    static final Comparator<Finding> DEFAULT_ORDER = Comparator
            .comparing(Finding::status, StatusText.URGENCY)
            .thenComparing(Finding::type, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final ObservableList<Finding> all = FXCollections.observableArrayList();
    private final FilteredList<Finding> filtered = new FilteredList<>(all);
    private final SortedList<Finding> sorted = new SortedList<>(filtered);

    private final ObjectProperty<FindingStatus> statusFilter = new SimpleObjectProperty<>();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();
    private final BooleanProperty hasScan = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(NO_SCAN_YET);
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ScanReport> report = new ReadOnlyObjectWrapper<>();

    public FindingsViewModel() {
        statusFilter.addListener((obs, old, now) -> refilter());
        searchText.addListener((obs, old, now) -> refilter());
        hasScan.addListener((obs, old, now) -> updatePlaceholder());
        shownText.bind(Bindings.createStringBinding(
                () -> filtered.size() == all.size()
                        ? all.size() + " findings"
                        : filtered.size() + " of " + all.size() + " findings",
                filtered, all));
    }

    /**
     * Sorts a scan's findings into the default order. Pure and possibly slow for 100,000 findings:
     * call it on a background thread and hand the result to {@link #show}.
     */
    public static List<Finding> prepare(ScanReport report) {
        return report.findings().stream().sorted(DEFAULT_ORDER).toList();
    }

    /** Shows a scan (on the FX thread): one {@code setAll}, keeps the selection when it still exists. */
    public void show(ScanReport scan, List<Finding> prepared) {
        Finding previous = selected.get();
        all.setAll(prepared);
        hasScan.set(true);
        updatePlaceholder();
        selected.set(previous == null ? null : prepared.stream()
                .filter(f -> f.key().equals(previous.key()))
                .findFirst().orElse(null));
        // Last, so listeners of the report see the new rows and selection.
        report.set(scan);
    }

    /** The list the table shows; bind its comparator to the table's. */
    public SortedList<Finding> rows() {
        return sorted;
    }

    /** Number of findings currently passing the filter. */
    public int visibleCount() {
        return filtered.size();
    }

    public ObjectProperty<FindingStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Finding> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** "120 findings" or "7 of 120 findings". */
    public ReadOnlyStringProperty shownTextProperty() {
        return shownText.getReadOnlyProperty();
    }

    /** The scan being shown, or null before the first one. */
    public ReadOnlyObjectProperty<ScanReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    private void refilter() {
        filtered.setPredicate(new FindingFilter(statusFilter.get(), searchText.get()));
        updatePlaceholder();
    }

    private void updatePlaceholder() {
        if (!hasScan.get()) {
            placeholder.set(NO_SCAN_YET);
        } else if (all.isEmpty()) {
            placeholder.set(SCAN_EMPTY);
        } else {
            placeholder.set(NOTHING_MATCHES);
        }
    }
}
