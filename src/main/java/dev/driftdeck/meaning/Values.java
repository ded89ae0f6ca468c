package dev.driftdeck.meaning;

import dev.driftdeck.drift.CanonicalJson;
import dev.driftdeck.state.Sensitive;
import java.util.List;
import java.util.Map;

/** How a value reads inside a summary: strings bare, everything else as compact JSON, long values cut. */
final class Values {

    static final String NONE = "(none)";
    /** A summary is a sentence; the raw value stays one click away, so a long value (user data...) is cut. */
    private static final int MAX_LENGTH = 120;

    private Values() {
    }

    /** The canonical JSON text of a diff side as a plain value; null stays null. */
    static Object parse(String json) {
        return json == null ? null : CanonicalJson.parse(json);
    }

    static String text(Object value) {
        String text = switch (value) {
            case null -> NONE;
            case String s -> s.isEmpty() ? "\"\"" : s;
            case Map<?, ?> m -> CanonicalJson.render(m);
            case List<?> l -> CanonicalJson.render(l);
            default -> String.valueOf(value);
        };
        // One change is one line wherever it is printed: a multi-line value (a script, a description) stays on it.
        text = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    /**
     * Whether a diff side holds a masked secret, {@code (sensitive)} or its fingerprint {@code (sensitive 1f2e3d4c)}:
     * a summary then names the attribute and never a value.
     */
    static boolean masked(String json) {
        return json != null && (json.contains(Sensitive.MASK) || json.contains("(sensitive "));
    }

    static boolean blank(Object value) {
        return value == null || (value instanceof String s && s.isEmpty())
                || (value instanceof List<?> l && l.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
    }

    /** A string, a list of strings, or nothing, as a list. */
    static List<String> strings(Object value) {
        return switch (value) {
            case null -> List.of();
            case List<?> list -> list.stream().filter(v -> !blank(v)).map(Values::text).toList();
            case Map<?, ?> map -> map.values().stream().flatMap(v -> strings(v).stream()).toList();
            default -> blank(value) ? List.of() : List.of(text(value));
        };
    }
}
