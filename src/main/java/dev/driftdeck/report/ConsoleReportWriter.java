package dev.driftdeck.report;

import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Coverage;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import dev.driftdeck.meaning.ChangeLine;
import dev.driftdeck.meaning.ChangeSummaries;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** The human-readable report the CLI prints by default: what drifted first, the summary last. */
public final class ConsoleReportWriter {

    public void write(ScanReport report, Writer out) {
        PrintWriter w = new PrintWriter(out);
        section(w, report, FindingStatus.CHANGED, "Changed outside Terraform");
        section(w, report, FindingStatus.MISSING, "Missing (in state, gone from AWS)");
        section(w, report, FindingStatus.UNMANAGED, "Unmanaged (in AWS, in no state)");
        section(w, report, FindingStatus.NOT_CHECKED, "Not checked");
        for (SourceSummary source : report.sources()) {
            if (source.error() != null) {
                w.printf("State source %s could not be read: %s%n", source.uri(), source.error());
            }
        }
        if (!report.alerts().isEmpty()) {
            w.println("Alerts:");
            for (Alert alert : report.alerts()) {
                w.printf("  ! %s%n", alert.message());
            }
            w.println();
        }
        Coverage coverage = report.coverage();
        w.printf("Found %d resource(s): %d managed (%d changed), %d missing, %d unmanaged, %d not checked, %d ignored%n",
                coverage.managed() + coverage.unmanaged() + coverage.missing(), coverage.managed(),
                report.count(FindingStatus.CHANGED), coverage.missing(), coverage.unmanaged(),
                report.count(FindingStatus.NOT_CHECKED), report.count(FindingStatus.IGNORED));
        w.printf("Coverage %d%%%n", coverage.percent());
        w.println(report.hasDrift() ? "Drift found." : "Congrats! Your infrastructure is in sync.");
        w.flush();
    }

    private static void section(PrintWriter w, ScanReport report, FindingStatus status, String title) {
        List<Finding> findings = report.findings().stream().filter(f -> f.status() == status).toList();
        if (findings.isEmpty()) {
            return;
        }
        w.printf("%s (%d):%n", title, findings.size());
        for (Finding f : findings) {
            String name = f.address() != null ? f.address() + " (" + f.id() + ")" : f.type() + " " + f.id();
            String where = f.account() == null ? "" : "  [" + f.account() + "/" + f.region() + "]";
            String severity = f.severity() == null ? "" : f.severity().name() + "  ";
            w.printf("  - %s%s%s%n", severity, name, where);
            for (var risk : f.risks()) {
                w.printf("      %s %s %s: %s%n", risk.introduced() ? "risk" : "fixed", risk.severity().name(),
                        risk.rule(), risk.title());
            }
            // What each change means, one marked line each; the raw values are in the JSON and CSV exports.
            for (AttributeDiff diff : f.diffs()) {
                for (ChangeLine line : ChangeSummaries.of(f.type(), diff).lines()) {
                    w.printf("      %s%n", line.marked());
                }
            }
            if (f.note() != null) {
                w.printf("      %s%n", f.note());
            }
            // Who, only when CloudTrail named someone: "not yet in CloudTrail" on every finding would drown a CI log.
            String changedBy = f.changedBy().stampedLine();
            if (changedBy != null) {
                w.printf("      %s%n", changedBy);
            }
        }
        w.println();
    }
}
