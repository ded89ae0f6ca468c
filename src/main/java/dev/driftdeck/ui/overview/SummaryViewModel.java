package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.Coverage;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.TimeText;
import dev.driftdeck.ui.findings.StatusText;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The summary strip and the status bar's scan facts: counts by status, coverage, when the last scan ran. */
public final class SummaryViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);

    private final Clock clock;
    private final Map<FindingStatus, ReadOnlyLongWrapper> counts = new EnumMap<>(FindingStatus.class);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper coverageText = new ReadOnlyStringWrapper("Coverage —");
    private final ReadOnlyStringWrapper coverageDetail =
            new ReadOnlyStringWrapper("Share of what a scan finds that Terraform manages");
    private final ReadOnlyStringWrapper lastScanText = new ReadOnlyStringWrapper("No scan yet");
    private final ReadOnlyStringWrapper driftText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alertCountText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper alertsText = new ReadOnlyStringWrapper("");

    public SummaryViewModel(Clock clock) {
        this.clock = clock;
        for (FindingStatus status : FindingStatus.values()) {
            counts.put(status, new ReadOnlyLongWrapper());
        }
    }

    /**
     * Counts a scan's findings: one pass over up to 100,000 findings, so call it on a background
     * thread and hand the result to {@link #show(Figures)}.
     */
    public static Figures figures(ScanReport report) {
        Map<FindingStatus, Long> byStatus = report.findings().stream()
                .collect(Collectors.groupingBy(f -> f.status(), () -> new EnumMap<>(FindingStatus.class), Collectors.counting()));
        Coverage coverage = new Coverage(
                byStatus.getOrDefault(FindingStatus.IN_SYNC, 0L) + byStatus.getOrDefault(FindingStatus.CHANGED, 0L),
                byStatus.getOrDefault(FindingStatus.UNMANAGED, 0L),
                byStatus.getOrDefault(FindingStatus.MISSING, 0L));
        return new Figures(byStatus, report.findings().size(), coverage, report.finishedAt(), report.duration(),
                report.alerts().stream().map(SummaryViewModel::alertLine).toList());
    }

    /** Shows a scan (FX thread), counting it here: fine for small scans and tests. */
    public void show(ScanReport report) {
        show(figures(report));
    }

    /** Shows precomputed figures (FX thread): only property sets, no pass over the findings. */
    public void show(Figures figures) {
        counts.forEach((status, count) -> count.set(figures.byStatus().getOrDefault(status, 0L)));
        total.set(figures.total());

        Coverage coverage = figures.coverage();
        coverageText.set("Coverage " + coverage.percent() + "%");
        long covered = coverage.managed() + coverage.unmanaged() + coverage.missing();
        coverageDetail.set(coverage.managed() + " managed of " + covered
                + String.format(Locale.ROOT, " (%.1f%%)", coverage.exact() * 100));
        int alerts = figures.alerts().size();
        lastScanText.set("Last scan " + WHEN.format(figures.finishedAt().atZone(clock.getZone()))
                + " · took " + TimeText.elapsed(figures.duration()));
        driftText.set(driftLine());
        alertCountText.set(alerts == 0 ? "" : alerts + (alerts == 1 ? " alert" : " alerts"));
        alertsText.set(String.join("\n", figures.alerts()));
    }

    /** "28 Nov 10:35" in the system zone: how the console writes a scan's time. */
    public static String when(Instant instant) {
        return WHEN.format(instant.atZone(java.time.ZoneId.systemDefault()));
    }

    /** "aws_ebs_volume · 123456789012 · eu-west-1: Access denied… (grant ec2:DescribeVolumes)". */
    static String alertLine(Alert alert) {
        String scope = Stream.of(alert.type(), alert.account(), alert.region())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" · "));
        return (scope.isEmpty() ? "" : scope + ": ") + alert.message()
                + (alert.iamAction() == null ? "" : " (grant " + alert.iamAction() + ")");
    }

    /** A scan's numbers, computed off the FX thread. */
    public record Figures(Map<FindingStatus, Long> byStatus, long total, Coverage coverage,
                          Instant finishedAt, Duration duration, List<String> alerts) {
        public Figures {
            byStatus = Map.copyOf(byStatus);
            alerts = List.copyOf(alerts);
        }
    }

    /** "3 changed · 1 missing · 4 unmanaged", or "No drift" when all three are zero. */
    private String driftLine() {
        String line = Stream.of(FindingStatus.CHANGED, FindingStatus.MISSING, FindingStatus.UNMANAGED)
                .filter(s -> count(s) > 0)
                .map(s -> count(s) + " " + StatusText.label(s).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" · "));
        return line.isEmpty() ? "No drift" : line;
    }

    public long count(FindingStatus status) {
        return counts.get(status).get();
    }

    public ReadOnlyLongProperty countProperty(FindingStatus status) {
        return counts.get(status).getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** "Coverage 87%" (truncated, driftctl-compatible). */
    public ReadOnlyStringProperty coverageTextProperty() {
        return coverageText.getReadOnlyProperty();
    }

    /** "87 managed of 100 (87.0%)". */
    public ReadOnlyStringProperty coverageDetailProperty() {
        return coverageDetail.getReadOnlyProperty();
    }

    /** "Last scan 28 Nov 10:35 · took 12.0 s · 2 alerts". */
    public ReadOnlyStringProperty lastScanTextProperty() {
        return lastScanText.getReadOnlyProperty();
    }

    /** "3 changed · 1 missing · 4 unmanaged" or "No drift". */
    public ReadOnlyStringProperty driftTextProperty() {
        return driftText.getReadOnlyProperty();
    }

    /** "2 alerts", or "" when the scan had none. */
    public ReadOnlyStringProperty alertCountTextProperty() {
        return alertCountText.getReadOnlyProperty();
    }

    /** Every alert of the shown scan, one per line, with the IAM action to grant when that is the fix. */
    public ReadOnlyStringProperty alertsTextProperty() {
        return alertsText.getReadOnlyProperty();
    }

    /** How long ago the shown scan finished, for tooltips. */
    public String ago(ScanReport report) {
        return TimeText.ago(Duration.between(report.finishedAt(), clock.instant()));
    }
}
