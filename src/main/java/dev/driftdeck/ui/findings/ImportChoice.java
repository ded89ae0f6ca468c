package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import java.util.List;

/**
 * What "Export import.tf…" writes: the unmanaged findings among the selected rows when the operator selected two or
 * more, else every unmanaged finding on screen (one selected row is where the detail pane is, not a choice).
 *
 * @param findings the unmanaged findings it writes, in table order
 * @param selected whether they come from the selected rows (else from every row shown)
 * @param label    "Import 3 selected" or "Import all 12 shown"
 */
public record ImportChoice(List<Finding> findings, boolean selected, String label) {

    public static final ImportChoice NONE = of(List.of(), List.of());

    public ImportChoice {
        findings = List.copyOf(findings);
    }

    /**
     * @param shown    the rows on screen (filters applied)
     * @param selected the rows selected in the table
     */
    public static ImportChoice of(List<Finding> shown, List<Finding> selected) {
        boolean chosen = selected.size() >= 2;
        List<Finding> unmanaged = (chosen ? selected : shown).stream()
                .filter(f -> f.status() == FindingStatus.UNMANAGED).toList();
        return new ImportChoice(unmanaged, chosen,
                chosen ? "Import " + unmanaged.size() + " selected" : "Import all " + unmanaged.size() + " shown");
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }

    /** How the message names what was written: "of 2 selected unmanaged finding(s)". */
    String written() {
        return "of " + findings.size() + (selected ? " selected" : " shown") + " unmanaged finding(s)";
    }
}
