package dev.driftdeck.fix;

import dev.driftdeck.drift.CanonicalJson;

/** A stored diff value as a plain value: canonical JSON parsed, anything else (older rows, a bare mask) as text. */
final class DiffValues {

    private DiffValues() {
    }

    static Object parse(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return CanonicalJson.parse(stored);
        } catch (IllegalArgumentException notJson) {
            return stored;
        }
    }
}
