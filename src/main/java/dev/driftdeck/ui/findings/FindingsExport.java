package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.report.ExportFormat;
import dev.driftdeck.ui.BackgroundTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * An export of the findings page ("Export fix plan…", "Export import.tf…"): some findings of the shown scan as one
 * file in its format, written off the FX thread through a temp file beside the target.
 */
public final class FindingsExport {

    private final BackgroundTasks tasks;
    private final ExportFormat format;
    private final String what;
    private final String fileName;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Function<String, Optional<Path>> chooser = name -> Optional.empty();

    /**
     * @param what     how messages name the file, e.g. "the fix plan"
     * @param fileName the suggested file name before the scan's time, e.g. "driftdeck-fix-plan-"
     */
    FindingsExport(BackgroundTasks tasks, ExportFormat format, String what, String fileName) {
        this.tasks = Objects.requireNonNull(tasks);
        this.format = Objects.requireNonNull(format);
        this.what = Objects.requireNonNull(what);
        this.fileName = Objects.requireNonNull(fileName);
    }

    static FindingsExport fixPlan(BackgroundTasks tasks) {
        return new FindingsExport(tasks, ExportFormat.FIX_PLAN, "the fix plan", "driftdeck-fix-plan-");
    }

    static FindingsExport importFile(BackgroundTasks tasks) {
        return new FindingsExport(tasks, ExportFormat.IMPORT_TF, "import.tf", "driftdeck-import-");
    }

    /** Where to write, asked with the suggested file name; the view sets the desktop's save dialog, tests their own. */
    public void setTargetChooser(Function<String, Optional<Path>> chooser) {
        this.chooser = Objects.requireNonNull(chooser);
    }

    /**
     * Asks where, then writes {@code findings} (a snapshot, already chosen). FX thread.
     *
     * @param which what the message says was written, e.g. "of 3 finding(s) on screen"
     */
    void export(ScanReport scan, List<Finding> findings, String which) {
        if (scan == null) {
            message.set("No scan to export yet: run a scan first.");
            return;
        }
        Optional<Path> target = chooser.apply(format.suggestedFileName(scan).replaceFirst("^driftdeck-", fileName));
        if (target.isEmpty()) {
            return;
        }
        ScanReport selection = new ScanReport(scan.startedAt(), scan.finishedAt(), List.of(), List.copyOf(findings),
                List.of(), Map.of(), scan.accounts(), scan.regions());
        message.set("Writing " + what + " to " + target.get() + "…");
        tasks.run(() -> {
            format.writeFile(selection, target.get());
            return target.get();
        }, written -> message.set("Exported " + what + " " + which + " to " + written),
                e -> message.set("Writing " + what + " to " + target.get() + " failed: " + e.getMessage()
                        + ". Choose a folder you can write to."));
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
