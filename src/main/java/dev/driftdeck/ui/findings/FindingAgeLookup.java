package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.ResourceKey;
import java.util.Map;
import java.util.Optional;

/** The ages of one scan's findings, looked up by resource; {@link #NONE} before the history is known. */
@FunctionalInterface
public interface FindingAgeLookup {

    FindingAgeLookup NONE = key -> Optional.empty();

    Optional<FindingAge> of(ResourceKey key);

    static FindingAgeLookup of(Map<ResourceKey, FindingAge> ages) {
        Map<ResourceKey, FindingAge> copy = Map.copyOf(ages);
        return key -> Optional.ofNullable(copy.get(key));
    }
}
