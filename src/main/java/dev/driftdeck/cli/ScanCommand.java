package dev.driftdeck.cli;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.scan.ScanRequest;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Run one reconciliation of the state sources against AWS and print a report.")
final class ScanCommand implements Callable<Integer> {

    @Option(names = "--state", paramLabel = "URI", required = true,
            description = "State source, repeatable: a file, a directory, or a glob like 'states/**/*.tfstate'")
    List<String> states = new ArrayList<>();

    @Mixin
    ScanOptions scan = new ScanOptions();

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "console", converter = ReportFormat.Converter.class,
            description = "console (default), json, csv, html or import-tf (import blocks for the unmanaged)")
    ReportFormat output;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report there instead of stdout")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            description = "Exit 1 only when drift of this severity or worse exists: critical, high, medium, low or "
                    + "info (default: any drift)")
    Severity failOn;

    @Option(names = "--db", paramLabel = "PATH|URL", converter = DatabaseOption.LocationConverter.class,
            description = "Also record the scan in this database: an H2 file path without .mv.db, or"
                    + " postgresql://host[:port]/database?user=NAME (without it, scan touches no database)")
    DatabaseLocation db;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ScanRequest request = scan.request(states);
        var err = spec.commandLine().getErr();
        ScanReport report = ScanService.standard(Clock.systemUTC()).scan(request,
                progress -> {
                    err.printf("[%3d%%] %s%n", (int) Math.round(Math.max(0, progress.fraction()) * 100), progress.message());
                    err.flush();
                },
                () -> false);
        var nothingChecked = report.nothingCheckedMessage();
        if (db != null && nothingChecked.isPresent()) {
            // As the scheduled job: a scan that checked nothing would hide the last one that did.
            err.printf("Not recorded in %s: nothing was checked.%n", db);
        } else if (db != null) {
            try (Database database = Database.open(db)) {
                Migrations.migrateAndVerify(database);
                long id = new ScanRepository(database).save(report);
                err.printf("Recorded as scan %d in %s%n", id, database.location());
            }
        }
        output.write(report, out, spec.commandLine().getOut());
        if (nothingChecked.isPresent()) {
            // Every scope NOT_CHECKED is not "in sync": CI must not read an unreachable AWS as a clean estate.
            err.println(nothingChecked.get());
            err.flush();
            return DriftdeckCommand.ERROR;
        }
        boolean sourceFailed = report.sources().stream().anyMatch(source -> source.error() != null);
        if (sourceFailed) {
            return DriftdeckCommand.ERROR;
        }
        boolean drift = failOn == null ? report.hasDrift() : report.hasDriftAtLeast(failOn);
        return drift ? DriftdeckCommand.DRIFT : DriftdeckCommand.IN_SYNC;
    }
}
