package dev.driftdeck.drift;

import java.util.List;
import java.util.Map;

/**
 * Everything one scan listed from AWS.
 *
 * @param outcomes one per (account, region, type) that was listed
 * @param apiCalls API calls made, per service (e.g. {@code ec2 -> 14})
 */
public record LiveInventory(List<ListingOutcome> outcomes, Map<String, Long> apiCalls) {

    public LiveInventory {
        outcomes = List.copyOf(outcomes);
        apiCalls = Map.copyOf(apiCalls);
    }
}
