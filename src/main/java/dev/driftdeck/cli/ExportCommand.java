package dev.driftdeck.cli;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import java.nio.file.Path;
import java.util.Optional;
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

    @Option(names = "--output", paramLabel = "FORMAT", required = true, description = "json, csv, html or console")
    ReportFormat output;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report there instead of stdout")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Long id = scanId(); // a bad argument is reported before any database is opened (or created)
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
            output.write(report.get(), out, spec.commandLine().getOut());
            return DriftdeckCommand.IN_SYNC;
        }
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
