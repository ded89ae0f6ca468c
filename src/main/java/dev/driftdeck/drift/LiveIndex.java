package dev.driftdeck.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The live inventory indexed for matching: resources by key, listing outcomes by type. */
final class LiveIndex {

    private final Map<ResourceKey, LiveResource> byKey = new HashMap<>();
    private final List<LiveResource> all = new ArrayList<>();
    private final Map<String, List<ListingOutcome>> outcomesByType = new HashMap<>();
    private final List<Alert> alerts = new ArrayList<>();

    static LiveIndex of(LiveInventory inventory) {
        LiveIndex index = new LiveIndex();
        for (ListingOutcome outcome : inventory.outcomes()) {
            index.outcomesByType.computeIfAbsent(outcome.scope().type(), t -> new ArrayList<>()).add(outcome);
            switch (outcome) {
                case ListingOutcome.Listed listed -> listed.resources().forEach(r -> {
                    // the same resource can appear in two scopes (a global type listed per region): keep the first
                    if (index.byKey.putIfAbsent(r.key(), r) == null) {
                        index.all.add(r);
                    }
                });
                case ListingOutcome.Failed failed -> index.alerts.add(new Alert(
                        failed.scope().type(), failed.scope().account(), failed.scope().region(),
                        "%s not checked in %s/%s: %s".formatted(failed.scope().type(), failed.scope().account(),
                                failed.scope().region(), failed.reason())
                                + (failed.iamAction() == null ? "" : " Grant " + failed.iamAction() + " to fix it."),
                        failed.iamAction()));
            }
        }
        return index;
    }

    LiveResource find(ResourceKey key) {
        return byKey.get(key);
    }

    List<LiveResource> all() {
        return all;
    }

    List<ListingOutcome> outcomesFor(String type) {
        return outcomesByType.getOrDefault(type, List.of());
    }

    List<Alert> alerts() {
        return alerts;
    }
}
