package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.store.ScanSummary;

import java.util.List;

/**
 * Everything the overview shows about one scan, computed off the FX thread in one go.
 *
 * @param changes   new and resolved drift since the previous scan
 * @param accounts  coverage per AWS account
 * @param sources   in-sync share per state source
 * @param trend     the stored history, oldest first
 * @param alerts    the scan's alerts, one readable line each (with the IAM action when that is the fix)
 * @param highestRisk the worst risks the scan's drift introduced, worst first ({@link RiskLine#worst})
 */
public record OverviewFigures(ScanChanges changes, List<CoverageRow> accounts, List<CoverageRow> sources,
                              List<TrendPoint> trend, List<String> alerts, List<RiskLine> highestRisk) {

    /** How many risks the card lists: the worst few, the rest are one click away on the findings page. */
    static final int HIGHEST_RISK_LINES = 6;

    public OverviewFigures {
        accounts = List.copyOf(accounts);
        sources = List.copyOf(sources);
        trend = List.copyOf(trend);
        alerts = List.copyOf(alerts);
        highestRisk = List.copyOf(highestRisk);
    }

    /**
     * @param latest      the scan on screen
     * @param previous    the stored scan before it, or null
     * @param newestFirst the stored history (may be empty when the store keeps none)
     */
    public static OverviewFigures of(ScanReport latest, ScanReport previous, List<ScanSummary> newestFirst) {
        return new OverviewFigures(ScanChanges.between(previous, latest), CoverageRow.byAccount(latest),
                CoverageRow.bySource(latest), TrendPoint.fromHistory(newestFirst),
                latest.alerts().stream().map(SummaryViewModel::alertLine).toList(),
                RiskLine.worst(latest, HIGHEST_RISK_LINES));
    }
}
