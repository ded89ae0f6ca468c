package dev.driftdeck.cli;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.report.ConsoleReportWriter;
import dev.driftdeck.report.ExportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/** The report formats of {@code --output}, and where they go ({@code --out FILE} or stdout). */
enum ReportFormat {
    console, json, csv, html;

    void write(ScanReport report, Path outFile, PrintWriter stdout) throws IOException {
        if (outFile == null) {
            writeTo(report, stdout);
            stdout.flush();
            return;
        }
        // Written beside the target then moved, so a failed write never leaves half a report behind.
        ExportFormat.writeAtomically(outFile, out -> writeTo(report, out));
    }

    private void writeTo(ScanReport report, Writer out) throws IOException {
        switch (this) {
            case json -> ExportFormat.JSON.write(report, out);
            case csv -> ExportFormat.CSV.write(report, out);
            case html -> ExportFormat.HTML.write(report, out);
            case console -> new ConsoleReportWriter().write(report, out);
        }
        out.flush();
    }
}
