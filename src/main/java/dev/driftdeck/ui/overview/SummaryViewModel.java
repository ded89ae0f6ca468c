package dev.driftdeck.ui.overview;

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
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
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
    private final ReadOnlyStringWrapper coverageDetail = new ReadOnlyStringWrapper("No scan yet");
    private final ReadOnlyStringWrapper lastScanText = new ReadOnlyStringWrapper("No scan yet");
    private final ReadOnlyStringWrapper driftText = new ReadOnlyStringWrapper("");

    public SummaryViewModel(Clock clock) {
        this.clock = clock;
        for (FindingStatus status : FindingStatus.values()) {
            counts.put(status, new ReadOnlyLongWrapper());
        }
    }

    /** Shows a scan's figures (FX thread). */
    public void show(ScanReport report) {
        Map<FindingStatus, Long> byStatus = report.findings().stream()
                .collect(Collectors.groupingBy(f -> f.status(), () -> new EnumMap<>(FindingStatus.class), Collectors.counting()));
        counts.forEach((status, count) -> count.set(byStatus.getOrDefault(status, 0L)));
        total.set(report.findings().size());

        Coverage coverage = report.coverage();
        coverageText.set("Coverage " + coverage.percent() + "%");
        long covered = coverage.managed() + coverage.unmanaged() + coverage.missing();
        coverageDetail.set(coverage.managed() + " managed of " + covered
                + String.format(Locale.ROOT, " (%.1f%%)", coverage.exact() * 100));
        lastScanText.set("Last scan " + WHEN.format(report.finishedAt().atZone(clock.getZone()))
                + " · took " + TimeText.elapsed(report.duration())
                + (report.alerts().isEmpty() ? "" : " · " + report.alerts().size() + (report.alerts().size() == 1 ? " alert" : " alerts")));
        driftText.set(driftLine());
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

    /** How long ago the shown scan finished, for tooltips. */
    public String ago(ScanReport report) {
        return TimeText.ago(Duration.between(report.finishedAt(), clock.instant()));
    }
}
