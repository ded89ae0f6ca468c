package dev.driftdeck.ui.overview;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;

import java.util.Comparator;
import java.util.List;

/**
 * One line of the Overview's "Highest risk" card: the worst risk a drift introduced, where, and what the rule says.
 *
 * @param severity the risk's severity
 * @param rule     the catalogue rule, e.g. {@code DD-SG-001}
 * @param where    the Terraform address, or type and id for an unmanaged resource
 * @param title    the rule's title
 */
public record RiskLine(Severity severity, String rule, String where, String title) {

    /** "High · DD-SG-001 · aws_security_group.web: SSH open to the world". */
    public String text() {
        return severity.label() + " · " + rule + " · " + where + ": " + title;
    }

    /**
     * The scan's findings with a risk their drift introduced, worst first (then by address), at most {@code limit}:
     * what an operator looks at before anything else. Fixed risks are good news and stay off this card.
     */
    static List<RiskLine> worst(ScanReport scan, int limit) {
        return scan.findings().stream()
                .flatMap(finding -> finding.risks().stream().filter(Risk::introduced).limit(1)
                        .map(risk -> new RiskLine(risk.severity(), risk.rule(), where(finding), risk.title())))
                .sorted(Comparator.comparing(RiskLine::severity).thenComparing(RiskLine::where))
                .limit(limit)
                .toList();
    }

    private static String where(Finding finding) {
        return finding.address() != null ? finding.address() : finding.type() + " " + finding.id();
    }
}
