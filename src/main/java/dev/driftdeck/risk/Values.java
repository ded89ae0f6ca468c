package dev.driftdeck.risk;

import java.util.List;
import java.util.Map;

/**
 * Reads attribute values in the shapes state and live use alike (numbers as any {@link Number} or text, flags as
 * {@link Boolean} or text, blocks as lists of maps). A value that is not there reads as "unknown", which no rule
 * counts as failing.
 */
final class Values {

    private Values() {
    }

    /** TRUE, FALSE, or null when unknown. */
    static Boolean flag(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        return null;
    }

    static boolean isFalse(Object value) {
        return Boolean.FALSE.equals(flag(value));
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(flag(value));
    }

    /** The number, or null when unknown. */
    static Long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return (long) Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The text, or null when absent or empty. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value);
        return s.isEmpty() ? null : s;
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    /** The elements of a block list that are maps (sets of rules, nested blocks). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> blocks(Object value) {
        return list(value).stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList();
    }

    /** The first element of a one-element block ({@code metadata_options[0]}), or an empty map. */
    static Map<String, Object> firstBlock(Object value) {
        List<Map<String, Object>> blocks = blocks(value);
        return blocks.isEmpty() ? Map.of() : blocks.getFirst();
    }

    static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        return list(value).stream().filter(e -> e != null).map(String::valueOf).toList();
    }
}
