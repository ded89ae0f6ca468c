package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.remediation.FindingSelection;
import dev.driftdeck.fix.FixPlanWriter;
import dev.driftdeck.report.ExportFormat;
import dev.driftdeck.ui.BackgroundTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * "Export fix plan…" on the findings page: the Markdown fix plan of the findings on screen (the filters applied),
 * written off the FX thread through a temp file beside the target.
 */
public final class FixPlanExport {

    private final BackgroundTasks tasks;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Function<String, Optional<Path>> chooser = name -> Optional.empty();

    FixPlanExport(BackgroundTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks);
    }

    /** Where to write, asked with the suggested file name; the view sets the desktop's save dialog, tests their own. */
    public void setTargetChooser(Function<String, Optional<Path>> chooser) {
        this.chooser = Objects.requireNonNull(chooser);
    }

    /** Asks where, then writes the plan of {@code shown} (a snapshot of the table's rows). FX thread. */
    void export(ScanReport scan, List<Finding> shown) {
        if (scan == null) {
            message.set("No scan to export yet: run a scan first.");
            return;
        }
        String when = scan.finishedAt().toString().substring(0, 16).replace("T", "-").replace(":", "");
        Optional<Path> target = chooser.apply("driftdeck-fix-plan-" + when + ".md");
        if (target.isEmpty()) {
            return;
        }
        ScanReport selection = new ScanReport(scan.startedAt(), scan.finishedAt(), List.of(), List.copyOf(shown),
                List.of(), java.util.Map.of(), scan.accounts(), scan.regions());
        message.set("Writing the fix plan to " + target.get() + "…");
        tasks.run(() -> {
            ExportFormat.writeAtomically(target.get(),
                    out -> new FixPlanWriter().write(selection, FindingSelection.ALL, out));
            return target.get();
        }, written -> message.set("Exported the fix plan of " + shown.size() + " finding(s) on screen to " + written),
                e -> message.set("Writing the fix plan to " + target.get() + " failed: " + e.getMessage()
                        + ". Choose a folder you can write to."));
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
