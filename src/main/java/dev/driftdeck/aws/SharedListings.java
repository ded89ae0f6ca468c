package dev.driftdeck.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Listings several collectors of one session read (a service's parents, listed once and used by each child type),
 * made once per key. Collectors run in parallel: the others wait for the one listing instead of listing again. A
 * failed listing is not remembered, so each collector reports its own failure.
 */
final class SharedListings {

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** The listing under {@code key}, made by {@code listing} the first time it is asked for. */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> listing) {
        return (T) slots.computeIfAbsent(key, k -> new Slot()).get(listing);
    }

    // One lock per key: a slow listing never holds up another key's (ConcurrentHashMap.computeIfAbsent would).
    private static final class Slot {
        private Object value;

        synchronized Object get(Supplier<?> listing) {
            if (value == null) {
                value = listing.get();
            }
            return value;
        }
    }
}
