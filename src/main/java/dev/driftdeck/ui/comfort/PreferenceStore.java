package dev.driftdeck.ui.comfort;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.Preferences;

/**
 * Where the console remembers small things between launches (theme, window, columns, filters). The desktop app
 * uses the user's {@link Preferences}; tests and demos use {@link #inMemory()}, so they never read or change a
 * real user's remembered state.
 */
public interface PreferenceStore {

    String get(String key, String fallback);

    void put(String key, String value);

    default void remove(String key) {
        put(key, null);
    }

    default double getDouble(String key, double fallback) {
        try {
            String value = get(key, null);
            return value == null ? fallback : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static PreferenceStore inMemory() {
        Map<String, String> values = new ConcurrentHashMap<>();
        return backedBy(values::getOrDefault, values::put, values::remove);
    }

    /** The user's preferences node for the console; reading it the first time touches the disk, so call it off the FX thread. */
    static PreferenceStore userPreferences() {
        Preferences node = Preferences.userRoot().node("dev/driftdeck/console");
        node.get("theme", null);
        return backedBy(node::get, node::put, node::remove);
    }

    /** A store over any key/value backend; putting null removes the key. */
    private static PreferenceStore backedBy(BinaryOperator<String> getter, BiConsumer<String, String> putter,
                                            Consumer<String> remover) {
        return new PreferenceStore() {
            @Override
            public String get(String key, String fallback) {
                return getter.apply(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                if (value == null) {
                    remover.accept(key);
                } else {
                    putter.accept(key, value);
                }
            }
        };
    }
}
