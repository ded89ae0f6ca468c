package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.BackgroundTasks;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The findings table's data: every finding of the shown scan, filtered by status, pickers and text, in the order
 * the operator sorted by. A new scan, sort or filter replaces the table's list with a new one (one property change
 * however big); sorting happens on a worker, so a column click on 100,000 rows never freezes the window.
 *
 * <p>Why a new list rather than {@code setAll} on one: a table whose items are replaced wholesale throws its rows
 * and cells away and builds them again (CSS included, seen in JFR on the FX thread with each scan); a new items
 * list of another size keeps the cells and only gives them new items (issue 8, pulse latency).
 */
public final class FindingsViewModel {

    /** Most severe first (CRITICAL before INFO), findings without drift last. */
    static final Comparator<Finding> BY_SEVERITY =
            Comparator.comparing(Finding::severity, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Most severe first, then most urgent status, type and id: the order rows have before any column sort. */
    static final Comparator<Finding> DEFAULT_ORDER = BY_SEVERITY
            .thenComparing(Finding::status, StatusText.URGENCY)
            .thenComparing(Finding::type, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final BackgroundTasks tasks;
    private final FindingsExport fixPlan;
    private final FindingsExport importFile;
    /** Every finding of the shown scan in display order; immutable, replaced whole. FX thread. */
    private List<Finding> all = List.of();
    private final ReadOnlyObjectWrapper<ObservableList<Finding>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.emptyObservableList());

    private final ObjectProperty<FindingStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final Pickers pickers = new Pickers(this::refilter);
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();
    /** Every row selected in the table (Shift/Ctrl); {@link #selected} is the one the detail pane shows. */
    private final ObjectProperty<List<Finding>> selectedRows = new SimpleObjectProperty<>(List.of());
    private final ReadOnlyObjectWrapper<ImportChoice> importChoice = new ReadOnlyObjectWrapper<>(ImportChoice.NONE);
    private final BooleanProperty hasScan = new SimpleBooleanProperty(false);
    private final ObjectProperty<Boolean> sourcesConfigured = new SimpleObjectProperty<>();
    private final BooleanProperty scanRunning = new SimpleBooleanProperty(false);
    private final StringProperty credentialsProblem = new SimpleStringProperty();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ScanReport> report = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<FindingAgeLookup> ages = new SimpleObjectProperty<>(FindingAgeLookup.NONE);
    private volatile List<FindingColumn.SortKey> sortKeys = List.of();
    /** Drifting or not-checked findings of the shown scan: counted once per scan, not per keystroke. */
    private int unsettled;
    /** Only the newest sort (or scan) may apply its rows: an older, slower sort must not overwrite it. */
    private final AtomicLong rowsSequence = new AtomicLong();

    /** For tests: sorting runs on the calling thread. */
    public FindingsViewModel() {
        this(BackgroundTasks.sameThread());
    }

    public FindingsViewModel(BackgroundTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks);
        this.fixPlan = FindingsExport.fixPlan(tasks);
        this.importFile = FindingsExport.importFile(tasks);
        statusFilter.addListener((obs, old, now) -> refilter());
        severityFilter.addListener((obs, old, now) -> refilter());
        searchText.addListener((obs, old, now) -> refilter());
        for (var property : List.of(hasScan, sourcesConfigured, scanRunning, credentialsProblem)) {
            property.addListener((obs, old, now) -> updateEmptyStates());
        }
        ages.addListener((obs, old, now) -> {
            if (sortKeys.stream().anyMatch(k -> k.column() == FindingColumn.FIRST_SEEN || k.column() == FindingColumn.DRIFTED_SINCE)) {
                resort(all);
            }
        });
        importChoice.bind(Bindings.createObjectBinding(
                () -> ImportChoice.of(rows.get(), selectedRows.get() == null ? List.of() : selectedRows.get()),
                rows, selectedRows));
        shownText.bind(Bindings.createStringBinding(
                () -> rows.get().size() == all.size()
                        ? all.size() + " findings"
                        : rows.get().size() + " of " + all.size() + " findings",
                rows));
        updateEmptyStates();
    }

    /**
     * Sorts a scan's findings into the default order and counts what the pickers and empty states need. Pure and
     * possibly slow for 100,000 findings: call it on a background thread and hand the result to {@link #show}.
     */
    public static PreparedFindings prepare(ScanReport report) {
        return PreparedFindings.of(report);
    }

    /**
     * Shows a scan (on the FX thread): new rows for the table, the filter and selection kept. Ordering (when the
     * operator sorted by a column), filtering and finding the selected resource again happen on a worker: with a
     * search typed, filtering 100,000 findings on the FX thread stalled it 60-100 ms with every scan.
     */
    public void show(ScanReport scan, PreparedFindings prepared) {
        pickers.offer(prepared.options());
        arrange(prepared.rows(), sortKeys.isEmpty() ? null : comparator(sortKeys, ages.get()),
                new ShownScan(scan, prepared.unsettled()));
    }

    /** Sorts by these columns (the table's sort order); an empty list restores the default order. */
    public void sortBy(List<FindingColumn.SortKey> keys) {
        if (keys.equals(sortKeys)) {
            return;
        }
        sortKeys = List.copyOf(keys);
        resort(all);
    }

    public List<FindingColumn.SortKey> sortKeys() {
        return sortKeys;
    }

    private void resort(List<Finding> rows) {
        arrange(rows, comparator(sortKeys, ages.get()), null);
    }

    /** Orders ({@code order} null: as given), filters and finds the selection on a worker, then applies. */
    private void arrange(List<Finding> rows, Comparator<Finding> order, ShownScan scan) {
        long sequence = rowsSequence.incrementAndGet();
        FindingFilter filter = currentFilter();
        Finding selection = selected.get();
        tasks.run(() -> {
            List<Finding> ordered = rows;
            if (order != null) {
                List<Finding> copy = new ArrayList<>(rows);
                copy.sort(order);
                ordered = copy;
            }
            ordered = List.copyOf(ordered);
            return new Arranged(ordered, filter, visible(ordered, filter), selection, find(ordered, selection));
        }, arranged -> apply(sequence, arranged, scan), e -> { });
    }

    /** Rows ready for the table, made on a worker for the filter and selection of the moment they were asked for. */
    private record Arranged(List<Finding> all, FindingFilter filter, List<Finding> visible, Finding selection,
                            Finding selectionFound) {
    }

    private static List<Finding> visible(List<Finding> all, FindingFilter filter) {
        return filter.equals(FindingFilter.ALL) ? all : all.stream().filter(filter).toList();
    }

    /** The row of the same resource as {@code selection} (a new scan has new objects), or null. */
    private static Finding find(List<Finding> rows, Finding selection) {
        return selection == null ? null
                : rows.stream().filter(f -> f.key().equals(selection.key())).findFirst().orElse(null);
    }

    static Comparator<Finding> comparator(List<FindingColumn.SortKey> keys, FindingAgeLookup ages) {
        Comparator<Finding> order = null;
        for (FindingColumn.SortKey key : keys) {
            Comparator<Finding> next = key.column().comparator(ages);
            next = key.ascending() ? next : next.reversed();
            order = order == null ? next : order.thenComparing(next);
        }
        return order == null ? DEFAULT_ORDER : order.thenComparing(DEFAULT_ORDER);
    }

    /** A newly shown scan and its unsettled count, applied together with its rows. */
    private record ShownScan(ScanReport report, int unsettled) {
    }

    /**
     * Swaps the rows in (FX thread); {@code scan} is null when only the order changed. What changed while the worker
     * ran (the filter, the selection) is redone here, on the new rows.
     */
    private void apply(long sequence, Arranged arranged, ShownScan scan) {
        if (sequence != rowsSequence.get()) {
            return;
        }
        Finding previous = selected.get();
        all = arranged.all();
        if (arranged.filter().equals(currentFilter())) {
            showRows(arranged.visible());
        } else {
            refilter();
        }
        if (scan != null) {
            unsettled = scan.unsettled();
            hasScan.set(true);
        }
        updateEmptyStates();
        selected.set(previous == arranged.selection() ? arranged.selectionFound() : find(all, previous));
        if (scan != null) {
            // Last, so listeners of the report see the new rows and selection.
            report.set(scan.report());
        }
    }

    /** Selects the next (+1) or previous (-1) visible finding, wrapping at neither end. */
    public void selectRelative(int step) {
        List<Finding> visible = rows.get();
        if (visible.isEmpty()) {
            return;
        }
        int index = visible.indexOf(selected.get());
        int next = index < 0 ? (step > 0 ? 0 : visible.size() - 1) : Math.clamp(index + step, 0, visible.size() - 1);
        selected.set(visible.get(next));
    }

    /** Clears the text and every picker and status filter. */
    public void clearFilters() {
        searchText.set("");
        statusFilter.set(null);
        severityFilter.set(null);
        pickers.clear();
    }

    /** The rows the table shows, in display order: read-only, replaced by a new list on every change. */
    public ObservableList<Finding> rows() {
        return rows.get();
    }

    /** The table's items; a new list with each scan, sort or filter. */
    /** "Export fix plan…": where it writes and what it said. */
    public FindingsExport fixPlan() {
        return fixPlan;
    }

    /** Writes the fix plan of the findings on screen (the filters applied). FX thread. */
    public void exportFixPlan() {
        fixPlan.export(report.get(), List.copyOf(rows.get()), "of " + rows.get().size() + " finding(s) on screen");
    }

    /** "Export import.tf…": where it writes and what it said. */
    public FindingsExport importFile() {
        return importFile;
    }

    /** Writes the import blocks of {@link #importChoiceProperty()}: the selected unmanaged, or all shown. FX thread. */
    public void exportImportFile() {
        ImportChoice choice = importChoice.get();
        if (!choice.isEmpty()) {
            importFile.export(report.get(), choice.findings(), choice.written());
        }
    }

    /** The rows selected in the table, the view keeps it current; several with Shift/Ctrl. */
    public ObjectProperty<List<Finding>> selectedRowsProperty() {
        return selectedRows;
    }

    /** What "Export import.tf…" would write now, and its label. */
    public ReadOnlyObjectProperty<ImportChoice> importChoiceProperty() {
        return importChoice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObservableList<Finding>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** Every finding of the shown scan (unfiltered), for "baseline all current drift". */
    public List<Finding> allFindings() {
        return all;
    }

    /** Number of findings currently passing the filter. */
    public int visibleCount() {
        return rows.get().size();
    }

    /** The least severity shown (the severity chips), or null for every finding. */
    public ObjectProperty<Severity> severityFilterProperty() {
        return severityFilter;
    }

    public ObjectProperty<FindingStatus> statusFilterProperty() {
        return statusFilter;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Type, account, region and source pickers: their options come from the shown scan. */
    public Pickers pickers() {
        return pickers;
    }

    public ObjectProperty<Finding> selectedProperty() {
        return selected;
    }

    /** The ages of the shown scan's findings, from the scan history (empty until it is known). */
    public ObjectProperty<FindingAgeLookup> agesProperty() {
        return ages;
    }

    /** Whether any state source is configured; null until the settings were read. */
    public ObjectProperty<Boolean> sourcesConfiguredProperty() {
        return sourcesConfigured;
    }

    public BooleanProperty scanRunningProperty() {
        return scanRunning;
    }

    /** Why AWS credentials could not be found, or null when they were (or were not checked yet). */
    public StringProperty credentialsProblemProperty() {
        return credentialsProblem;
    }

    /** What the table says when it has no rows to show. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** A line above the table: missing credentials, or the all-clear; "" for none. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** "120 findings" or "7 of 120 findings". */
    public ReadOnlyStringProperty shownTextProperty() {
        return shownText.getReadOnlyProperty();
    }

    /** The scan being shown, or null before the first one. */
    public ReadOnlyObjectProperty<ScanReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    private FindingFilter currentFilter() {
        return new FindingFilter(statusFilter.get(), searchText.get(), pickers.type().get(), pickers.account().get(),
                pickers.region().get(), pickers.source().get(), severityFilter.get());
    }

    /** A filter change: the operator waits for it, so it runs here (100,000 rows in ~30 ms, FilterBenchmark). */
    private void refilter() {
        showRows(visible(all, currentFilter()));
        updateEmptyStates();
    }

    private void showRows(List<Finding> visible) {
        rows.set(FXCollections.unmodifiableObservableList(FXCollections.observableList(visible)));
    }

    private void updateEmptyStates() {
        placeholder.set(EmptyStates.placeholder(hasScan.get(), all.isEmpty(), sourcesConfigured.get(), scanRunning.get(),
                credentialsProblem.get()));
        hint.set(EmptyStates.hint(hasScan.get(), all.size(), unsettled, credentialsProblem.get()));
    }
}
