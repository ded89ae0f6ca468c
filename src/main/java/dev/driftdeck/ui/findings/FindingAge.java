package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.ResourceKey;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How long a resource has been known and drifting, from the scan history.
 *
 * @param firstSeen    the start of the first stored scan that had this resource
 * @param driftedSince the start of the first scan of the current uninterrupted drifting streak
 *                     (CHANGED, MISSING or UNMANAGED), or null when it is not drifting now
 */
public record FindingAge(Instant firstSeen, Instant driftedSince) {

    /** The ages of one scan's findings, looked up by resource; {@link #NONE} before the history is known. */
    @FunctionalInterface
    public interface Lookup {

        Lookup NONE = key -> Optional.empty();

        Optional<FindingAge> of(ResourceKey key);

        static Lookup of(Map<ResourceKey, FindingAge> ages) {
            Map<ResourceKey, FindingAge> copy = Map.copyOf(ages);
            return key -> Optional.ofNullable(copy.get(key));
        }
    }
}
