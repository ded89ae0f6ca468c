package dev.driftdeck.testing;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import java.util.Map;
import java.util.TreeSet;

/** A scan's drift as sorted lines a test compares whole: "CHANGED who attribute.path", "MISSING who"... */
public final class DriftLines {

    private DriftLines() {
    }

    /** @param findings findings by the name the test gives them (an address, or type and id) */
    public static TreeSet<String> of(Map<String, Finding> findings) {
        TreeSet<String> drift = new TreeSet<>();
        findings.forEach((who, finding) -> {
            if (finding.status() == FindingStatus.CHANGED) {
                finding.diffs().forEach(diff -> drift.add("CHANGED " + who + " " + diff.dottedPath()));
            } else if (finding.status() != FindingStatus.IN_SYNC) {
                drift.add(finding.status() + " " + who);
            }
        });
        return drift;
    }
}
