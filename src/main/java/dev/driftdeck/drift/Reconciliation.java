package dev.driftdeck.drift;

import java.util.List;

/** What the drift engine concluded: one finding per resource, and the alerts the operator must see. */
public record Reconciliation(List<Finding> findings, List<Alert> alerts) {

    public Reconciliation {
        findings = List.copyOf(findings);
        alerts = List.copyOf(alerts);
    }
}
