package dev.driftdeck.ui.reports;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.report.ExportFormat;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ConsoleServices;
import dev.driftdeck.ui.overview.SummaryViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The reports page: the stored scan history, and exporting the selected scan (the one on screen when none is
 * selected) as JSON, CSV or HTML. Where to write is asked through a {@link TargetChooser} (a file dialog in the
 * app, a fixed path in tests); loading and writing run in the background.
 */
public final class ReportsViewModel {

    /** Asks where to write a report; empty when the operator cancelled. Called on the FX thread. */
    @FunctionalInterface
    public interface TargetChooser {
        Optional<Path> choose(ExportFormat format, String suggestedFileName);
    }

    private final ConsoleServices services;
    private final BackgroundTasks tasks;
    private final ObservableList<ScanSummary> history = FXCollections.observableArrayList();
    private final ObjectProperty<ScanSummary> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ScanReport> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> lastExport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper exportTarget = new ReadOnlyStringWrapper("No scan to export yet.");
    private Long shownId;
    private TargetChooser chooser = (format, name) -> Optional.empty();

    public ReportsViewModel(ConsoleServices services, BackgroundTasks tasks) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        selected.addListener((obs, old, now) -> updateTarget());
        // No listener on the shown scan: show() updates the target itself, and a change listener would compare the
        // old and new scans with ScanReport.equals, all 100,000 findings of each, on the FX thread.
    }

    /** The scan on screen (its store id, or null when the store keeps no ids) and the stored history, newest first. */
    public void show(ScanReport scan, Long scanId, List<ScanSummary> newestFirst) {
        ScanSummary keep = selected.get();
        history.setAll(newestFirst);
        shownId = scanId;
        shown.set(scan);
        selected.set(keep == null ? null : newestFirst.stream().filter(s -> s.id() == keep.id()).findFirst().orElse(null));
        updateTarget();
    }

    public void setTargetChooser(TargetChooser chooser) {
        this.chooser = Objects.requireNonNull(chooser);
    }

    /** Asks where to write, then writes the chosen scan in the background. FX thread. */
    public void export(ExportFormat format) {
        ScanReport onScreen = shown.get();
        if (onScreen == null) {
            message.set("No scan to export yet: run a scan first.");
            return;
        }
        ScanSummary pick = selected.get();
        boolean other = pick != null && (shownId == null || pick.id() != shownId);
        String suggested = other
                ? format.suggestedFileName(new ScanReport(pick.startedAt(), pick.finishedAt(), List.of(), List.of(),
                List.of(), java.util.Map.of(), List.of(), List.of()))
                : format.suggestedFileName(onScreen);
        Optional<Path> target = chooser.choose(format, suggested);
        if (target.isEmpty()) {
            return;
        }
        Callable<ScanReport> load = other
                ? () -> services.scan(pick.id()).orElseThrow(() -> new IllegalStateException(
                "scan " + pick.id() + " is no longer stored (pruned by retention)"))
                : () -> onScreen;
        exportTo(format, target.get(), load, other ? SummaryViewModel.when(pick.startedAt()) : SummaryViewModel.when(onScreen.startedAt()));
    }

    private void exportTo(ExportFormat format, Path target, Callable<ScanReport> load, String scanText) {
        busy.set(true);
        message.set("Writing " + format.name() + " report to " + target + "…");
        tasks.run(() -> {
            format.writeFile(load.call(), target);
            return target;
        }, written -> {
            busy.set(false);
            lastExport.set(written);
            message.set("Exported the scan of " + scanText + " as " + format.name() + " to " + written);
        }, e -> {
            busy.set(false);
            message.set("Export to " + target + " failed: " + e.getMessage());
        });
    }

    private void updateTarget() {
        ScanSummary pick = selected.get();
        if (pick != null) {
            exportTarget.set("Exports the selected scan of " + SummaryViewModel.when(pick.startedAt()) + ".");
        } else if (shown.get() != null) {
            exportTarget.set("Exports the scan on screen, of " + SummaryViewModel.when(shown.get().startedAt())
                    + ". Select another scan in the history to export it instead.");
        } else {
            exportTarget.set("No scan to export yet.");
        }
    }

    public ObservableList<ScanSummary> history() {
        return history;
    }

    public ObjectProperty<ScanSummary> selectedProperty() {
        return selected;
    }

    /** Which scan an export writes, in words. */
    public ReadOnlyStringProperty exportTargetProperty() {
        return exportTarget.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The file the last successful export wrote. */
    public ReadOnlyObjectProperty<Path> lastExportProperty() {
        return lastExport.getReadOnlyProperty();
    }
}
