package dev.driftdeck.cli;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.remediation.FindingSelection;
import dev.driftdeck.fix.FixPlanWriter;
import dev.driftdeck.remediation.ImportFile;
import dev.driftdeck.remediation.ImportSelection;
import dev.driftdeck.report.ExportFormat;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a recorded scan as a report.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--scan", paramLabel = "ID|latest", required = true, description = "The scan id, or 'latest'")
    String scan;

    @Option(names = "--output", paramLabel = "FORMAT", required = true, converter = ReportFormat.Converter.class,
            description = "json, csv, html, console, import-tf (an import block per unmanaged resource) or fix-plan"
                    + " (Markdown: how to accept, revert, recreate, forget or import each drift)")
    ReportFormat output;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "import-tf and fix-plan only: these Terraform types (repeatable or comma-separated)")
    List<String> types = new ArrayList<>();

    @Option(names = "--account", paramLabel = "ID", split = ",", description = "import-tf and fix-plan only: these AWS accounts")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--region", paramLabel = "R", split = ",",
            description = "import-tf and fix-plan only: these regions ('global' for IAM, S3, Route 53...)")
    List<String> regions = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "import-tf and fix-plan only: at or above this severity (critical, high, medium, low, info)")
    Severity severity;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report there instead of stdout")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Long id = scanId(); // a bad argument is reported before any database is opened (or created)
        ImportSelection selection = selection();
        try (Database db = Database.open(database.locationOrDefault())) {
            Migrations.migrateAndVerify(db);
            ScanRepository scans = new ScanRepository(db);
            Optional<ScanReport> report = id == null
                    ? scans.latest().flatMap(stored -> scans.load(stored.id()))
                    : scans.load(id);
            if (report.isEmpty()) {
                spec.commandLine().getErr().printf("No scan '%s' in %s.%n", scan, db.location());
                return DriftdeckCommand.ERROR;
            }
            if (output == ReportFormat.import_tf) {
                writeImportFile(report.get(), id == null ? scans.latest().orElseThrow().id() : id, selection);
            } else if (output == ReportFormat.fix_plan) {
                writeFixPlan(report.get(), selection.filters());
            } else {
                output.write(report.get(), out, spec.commandLine().getOut());
            }
            return DriftdeckCommand.IN_SYNC;
        }
    }

    private void writeImportFile(ScanReport report, long scanId, ImportSelection selection) throws IOException {
        String scanName = "scan " + scanId + " (finished " + report.finishedAt() + ")";
        if (out == null) {
            ImportFile.write(report.findings(), scanName, selection, spec.commandLine().getOut());
            return;
        }
        int[] written = new int[1];
        ExportFormat.writeAtomically(out, writer -> written[0] = ImportFile.write(report.findings(), scanName, selection, writer));
        spec.commandLine().getErr().printf("Wrote %d import block(s) to %s; next: %s%n", written[0], out,
                ImportFile.GENERATE_COMMAND);
    }

    private void writeFixPlan(ScanReport report, FindingSelection selection) throws IOException {
        if (out == null) {
            new FixPlanWriter().write(report, selection, spec.commandLine().getOut());
            return;
        }
        ExportFormat.writeAtomically(out, writer -> new FixPlanWriter().write(report, selection, writer));
        spec.commandLine().getErr().printf("Wrote the fix plan to %s; nothing in it has been run.%n", out);
    }

    /**
     * The filters of an import file or a fix plan; refused with any other format, where they would silently do
     * nothing.
     */
    private ImportSelection selection() {
        boolean filtered = !types.isEmpty() || !accounts.isEmpty() || !regions.isEmpty() || severity != null;
        if (filtered && output != ReportFormat.import_tf && output != ReportFormat.fix_plan) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--type, --account, --region and --severity select what goes into --output import-tf or fix-plan;"
                            + " the " + output.word() + " report always holds the whole scan");
        }
        return new ImportSelection(new FindingSelection(Set.copyOf(types), Set.copyOf(accounts), Set.copyOf(regions), severity));
    }

    /** The scan id, or null for 'latest'. */
    private Long scanId() {
        if (scan.equals("latest")) {
            return null;
        }
        try {
            return Long.parseLong(scan);
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--scan takes a scan id (a number) or 'latest', not '" + scan + "'");
        }
    }
}
