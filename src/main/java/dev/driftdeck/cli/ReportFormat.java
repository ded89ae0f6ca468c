package dev.driftdeck.cli;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.report.ConsoleReportWriter;
import dev.driftdeck.report.CsvReportWriter;
import dev.driftdeck.report.JsonReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The report formats of {@code --output}, and where they go ({@code --out FILE} or stdout). */
enum ReportFormat {
    console, json, csv;

    void write(ScanReport report, Path outFile, PrintWriter stdout) throws IOException {
        if (outFile == null) {
            writeTo(report, stdout);
            stdout.flush();
            return;
        }
        // Written beside the target then moved, so a failed write never leaves half a report behind.
        Path absolute = outFile.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            writeTo(report, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeTo(ScanReport report, Writer out) throws IOException {
        switch (this) {
            case json -> new JsonReportWriter().write(report, out);
            case csv -> new CsvReportWriter().write(report, out);
            case console -> new ConsoleReportWriter().write(report, out);
        }
        out.flush();
    }
}
