package dev.driftdeck.ui.coverage;

import dev.driftdeck.drift.SupportedType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Coverage page: every type a scan checks, how many resources of each the last scan found, and which were not
 * checked and why; the types the state holds that Driftdeck does not support come last. FX thread only: the
 * catalogue and the tallies are computed in the background and handed over whole.
 */
public final class TypeCoverageViewModel {

    private List<SupportedType> catalog = List.of();
    private Map<String, TypeTally> tallies;
    private final ObservableList<TypeCoverageRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TypeCoverageRow> shown = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty onlyInScan = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public TypeCoverageViewModel() {
        filter.addListener((obs, old, now) -> refilter());
        onlyInScan.addListener((obs, old, now) -> refilter());
        render();
    }

    /** The supported types, once at start. */
    public void catalogLoaded(List<SupportedType> catalog) {
        this.catalog = List.copyOf(catalog);
        render();
    }

    /** The last scan's tallies by type ({@link TypeTally#of}). */
    public void show(Map<String, TypeTally> tallies) {
        this.tallies = Map.copyOf(tallies);
        render();
    }

    /** The rows the table shows: filtered by the text and, after a scan, to the types it met. */
    public ObservableList<TypeCoverageRow> rows() {
        return shown;
    }

    /** Part of a type name; matching is case-insensitive. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** When on (the default) and a scan exists, only the types that scan met. */
    public BooleanProperty onlyInScanProperty() {
        return onlyInScan;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void render() {
        rows.setAll(TypeCoverageRow.of(catalog, tallies == null ? Map.of() : tallies));
        long supported = catalog.size();
        if (tallies == null) {
            summary.set(supported + " types supported. No scan yet: how many resources of each appear after the first scan.");
        } else {
            long met = rows.stream().filter(row -> row.supported() && row.total() > 0).count();
            long notChecked = rows.stream().filter(TypeCoverageRow::hasNotChecked).count();
            long unsupported = rows.stream().filter(row -> !row.supported()).count();
            summary.set(String.format(Locale.ROOT, "%d types supported · %d in the last scan · %s%s", supported, met,
                    notChecked == 0 ? "every one checked" : notChecked + (notChecked == 1 ? " type" : " types") + " not checked",
                    unsupported == 0 ? "" : " (" + unsupported + " not supported)"));
        }
        refilter();
    }

    private void refilter() {
        String text = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        boolean scanOnly = onlyInScan.get() && tallies != null;
        shown.setPredicate(row -> row.type().contains(text) && (!scanOnly || row.total() > 0 || row.hasNotChecked()));
    }
}
