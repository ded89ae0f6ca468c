package dev.driftdeck.report;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.remediation.FindingSelection;
import dev.driftdeck.fix.FixPlanWriter;
import dev.driftdeck.remediation.ImportFile;
import dev.driftdeck.remediation.ImportSelection;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** The report files Driftdeck writes (CLI {@code --output}, console export), and how one is written safely. */
public enum ExportFormat {
    JSON("json", "JSON report (driftctl-compatible)"),
    CSV("csv", "CSV, one row per finding or difference"),
    HTML("html", "HTML report (single file, works offline)"),
    IMPORT_TF("tf", "import.tf (Terraform import blocks for the unmanaged)"),
    FIX_PLAN("md", "Fix plan (Markdown: accept, revert, recreate, forget, import)");

    private final String extension;
    private final String description;

    ExportFormat(String extension, String description) {
        this.extension = extension;
        this.description = description;
    }

    public String extension() {
        return extension;
    }

    public String description() {
        return description;
    }

    /** Writes the report to {@code out}, leaving it open. */
    public void write(ScanReport report, Writer out) throws IOException {
        switch (this) {
            case JSON -> new JsonReportWriter().write(report, out);
            case CSV -> new CsvReportWriter().write(report, out);
            case HTML -> new HtmlReportWriter().write(report, out);
            case IMPORT_TF -> ImportFile.write(report.findings(), scanName(report), ImportSelection.ALL, out);
            case FIX_PLAN -> new FixPlanWriter().write(report, FindingSelection.ALL, out);
        }
        out.flush();
    }

    /**
     * Writes the report to {@code target}: beside it first, then moved into place, so a failed write never leaves half
     * a report (or destroys the previous one).
     */
    public void writeFile(ScanReport report, Path target) throws IOException {
        writeAtomically(target, out -> write(report, out));
    }

    /** How an import file's header names a scan known only by its report: "the scan finished 2026-...Z". */
    public static String scanName(ScanReport report) {
        return "the scan finished " + report.finishedAt();
    }

    /** "driftdeck-2026-11-28-1035.html": a file name that sorts by scan time. */
    public String suggestedFileName(ScanReport report) {
        String when = report.finishedAt().toString().substring(0, 16).replace("T", "-").replace(":", "");
        return "driftdeck-" + when + "." + extension.toLowerCase(Locale.ROOT);
    }

    /** Writes through a temp file beside {@code target}, then moves it into place. */
    public static void writeAtomically(Path target, WriterWork work) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            work.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writing that may fail with an I/O error. */
    @FunctionalInterface
    public interface WriterWork {
        void write(Writer out) throws IOException;
    }
}
