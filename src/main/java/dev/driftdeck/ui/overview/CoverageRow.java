package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.Coverage;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One line of the overview's "by account" or "by state source" breakdown.
 *
 * @param name     the account id or source URI
 * @param percent  coverage (accounts) or share of managed resources in sync (sources), 0..100
 * @param figure   "87%" or "—" when nothing was counted
 * @param detail   "40 managed · 3 unmanaged · 1 missing", or why a source could not be read
 * @param problem  true when the row needs attention (drift, or an unreadable source)
 */
public record CoverageRow(String name, double percent, String figure, String detail, boolean problem) {

    /** Coverage per AWS account, as the brief defines coverage. */
    static List<CoverageRow> byAccount(ScanReport report) {
        Map<String, long[]> counts = count(report.findings(), f -> f.account() == null ? "unknown account" : f.account());
        List<CoverageRow> rows = new ArrayList<>();
        counts.forEach((account, c) -> {
            Coverage coverage = new Coverage(c[FindingStatus.IN_SYNC.ordinal()] + c[FindingStatus.CHANGED.ordinal()],
                    c[FindingStatus.UNMANAGED.ordinal()], c[FindingStatus.MISSING.ordinal()]);
            String detail = coverage.managed() + " managed · " + coverage.unmanaged() + " unmanaged · " + coverage.missing() + " missing";
            rows.add(new CoverageRow(account, coverage.exact() * 100, coverage.percent() + "%", detail,
                    coverage.unmanaged() + coverage.missing() > 0));
        });
        return rows;
    }

    /**
     * Per state source: how much of what it declares is in sync. Unmanaged resources belong to no source, so this is
     * not coverage; unreadable sources say why.
     */
    static List<CoverageRow> bySource(ScanReport report) {
        Map<String, long[]> counts = count(report.findings().stream().filter(f -> f.source() != null).toList(), Finding::source);
        List<CoverageRow> rows = new ArrayList<>();
        for (SourceSummary source : report.sources()) {
            if (source.error() != null) {
                rows.add(new CoverageRow(source.uri(), 0, "!", "could not be read: " + source.error(), true));
                continue;
            }
            long[] c = counts.getOrDefault(source.uri(), new long[FindingStatus.values().length]);
            long inSync = c[FindingStatus.IN_SYNC.ordinal()];
            long changed = c[FindingStatus.CHANGED.ordinal()];
            long missing = c[FindingStatus.MISSING.ordinal()];
            long notChecked = c[FindingStatus.NOT_CHECKED.ordinal()];
            long checked = inSync + changed + missing;
            String detail = String.format(Locale.ROOT, "%d resources · %d changed · %d missing%s", source.resourceCount(),
                    changed, missing, notChecked == 0 ? "" : " · " + notChecked + " not checked");
            rows.add(new CoverageRow(source.uri(), checked == 0 ? 0 : inSync * 100.0 / checked,
                    checked == 0 ? "—" : (inSync * 100 / checked) + "%", detail, changed + missing > 0));
        }
        return rows;
    }

    private static Map<String, long[]> count(List<Finding> findings, Function<Finding, String> key) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Finding finding : findings) {
            counts.computeIfAbsent(key.apply(finding), k -> new long[FindingStatus.values().length])[finding.status().ordinal()]++;
        }
        return counts;
    }
}
