package dev.driftdeck.aws;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One hand-written state resource (in the shape the provider writes it) reconciled with what a collector lists, the
 * way a scan does: for mapping tests of types or fields Terraform cannot apply against moto.
 */
record OneResource(String type, String id, StateSnapshot state) {

    static OneResource of(String type, String id, Map<String, Object> attributes) {
        Map<String, Object> withId = new HashMap<>(attributes);
        withId.put("id", id);
        StateResource resource = new StateResource(type + ".x", "", type, "x", id, "hand.tfstate", withId);
        return new OneResource(type, id, new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", List.of(resource)));
    }

    /** What the states manage, as the scanner hands it to the collectors. */
    ManagedState managed() {
        return new ManagedState(new Reconciler(Collectors.specs()).managedByType(List.of(state)));
    }

    /** {@code IN_SYNC}, {@code MISSING} or {@code CHANGED a b} (the changed attribute paths) against {@code live}. */
    String status(List<LiveResource> live) {
        var outcome = new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION, type), live);
        Finding finding = new Reconciler(Collectors.specs()).reconcile(List.of(state),
                new LiveInventory(List.of(outcome), Map.of()), IgnoreRules.none()).findings().stream()
                .filter(f -> f.address() != null).findFirst().orElseThrow();
        if (finding.status() != FindingStatus.CHANGED) {
            return finding.status().name();
        }
        return "CHANGED " + String.join(" ", finding.diffs().stream().map(d -> String.join(".", d.path())).toList());
    }
}
