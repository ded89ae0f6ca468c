package dev.driftdeck.report;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.meaning.ChangeSummaries;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * One row per finding, or per attribute difference of a changed finding (its raw values and, last, what it means);
 * RFC 4180 quoting.
 */
public final class CsvReportWriter {

    private static final String HEADER = "status,type,id,address,account,region,source,path,expected,actual,kind,note,summary,severity,risks,changed_by";

    public void write(ScanReport report, Writer out) {
        PrintWriter w = new PrintWriter(out);
        w.print(HEADER + "\r\n");
        for (Finding f : report.findings()) {
            if (f.diffs().isEmpty()) {
                row(w, f, null);
            } else {
                for (AttributeDiff diff : f.diffs()) {
                    row(w, f, diff);
                }
            }
        }
        w.flush();
    }

    private static void row(PrintWriter w, Finding f, AttributeDiff diff) {
        String[] cells = {
                f.status().name(), f.type(), f.id(), f.address(), f.account(), f.region(), f.source(),
                diff == null ? null : diff.dottedPath(),
                diff == null ? null : diff.expected(),
                diff == null ? null : diff.actual(),
                diff == null ? null : diff.kind().name(),
                f.note(),
                diff == null ? null : ChangeSummaries.of(f.type(), diff).text(),
                f.severity() == null ? null : f.severity().name(),
                f.risks().isEmpty() ? null : RiskJson.line(f),
                f.changedBy().events().isEmpty() ? null : ChangedByJson.line(f)};
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(cells[i]));
        }
        w.print(line.append("\r\n"));
    }

    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it so it stays text.
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
