package dev.driftdeck.cli;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.report.ConsoleReportWriter;
import dev.driftdeck.report.ExportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The report formats of {@code --output}, and where they go ({@code --out FILE} or stdout). On the command line a
 * constant's {@code _} is written {@code -} ({@code import-tf}), see {@link Converter}.
 */
enum ReportFormat {
    console, json, csv, html, import_tf, fix_plan;

    /** The word typed after {@code --output}. */
    String word() {
        return name().replace('_', '-');
    }

    /** {@code --output import-tf}: an unknown word is a usage error naming the accepted ones. */
    static final class Converter implements CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            for (ReportFormat format : values()) {
                if (format.word().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a report format; use one of "
                    + java.util.Arrays.stream(values()).map(ReportFormat::word).toList());
        }
    }

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
            case import_tf -> ExportFormat.IMPORT_TF.write(report, out);
            case fix_plan -> ExportFormat.FIX_PLAN.write(report, out);
            case console -> new ConsoleReportWriter().write(report, out);
        }
        out.flush();
    }
}
