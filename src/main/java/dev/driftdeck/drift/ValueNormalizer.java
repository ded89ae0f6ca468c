package dev.driftdeck.drift;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a state value and a live value to the same canonical form before comparison, per {@link Normalization}.
 * The result is a plain Java value; two values are equal when {@link CanonicalJson#render} gives the same text.
 */
final class ValueNormalizer {

    private ValueNormalizer() {
    }

    static Object normalize(Normalization normalization, Object value) {
        return switch (normalization) {
            case STRING -> blankToNull(value == null ? null : stringOf(value));
            case CASE_INSENSITIVE -> {
                String text = blankToNull(value == null ? null : stringOf(value));
                yield text == null ? null : text.toLowerCase(Locale.ROOT);
            }
            case SCALAR -> scalar(value);
            case TAGS -> map(value, true);
            case JSON_DOCUMENT -> jsonDocument(value);
            case SET -> set(value);
            case BY_ID -> byId(value);
            case MAP -> map(value, false);
        };
    }

    private static String stringOf(Object value) {
        return value instanceof String s ? s : CanonicalJson.render(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Numbers and booleans by value: "80", 80 and 80.0 are equal; "true" and true are equal. */
    private static Object scalar(Object value) {
        if (value instanceof String s) {
            if (s.isEmpty()) {
                return null;
            }
            if (s.equals("true") || s.equals("false")) {
                return Boolean.parseBoolean(s);
            }
            try {
                return CanonicalJson.canonical(new java.math.BigDecimal(s));
            } catch (NumberFormatException notANumber) {
                return s;
            }
        }
        return CanonicalJson.canonical(value);
    }

    /**
     * A sorted string map; for tags, {@code aws:*} keys are AWS's own and never drift; empty means none.
     */
    private static Object map(Object value, boolean tags) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> entries = new TreeMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!tags || !key.startsWith("aws:")) {
                entries.put(key, v == null ? "" : stringOf(v));
            }
        });
        return entries.isEmpty() ? null : entries;
    }

    /**
     * A policy document: URL-decoded when AWS returned it encoded, parsed, keys sorted, one-element lists collapsed
     * to their element and string lists sorted (IAM treats {@code "Action": "s3:Get"} and {@code ["s3:Get"]} alike).
     */
    private static Object jsonDocument(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof String s ? s.strip() : CanonicalJson.render(value);
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("%7B") || text.startsWith("%7b")) {
            text = URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        Object parsed;
        try {
            parsed = CanonicalJson.parse(text);
        } catch (IllegalArgumentException notJson) {
            return text;
        }
        return policyCanonical(parsed);
    }

    private static Object policyCanonical(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), policyCanonical(v)));
                yield sorted;
            }
            case List<?> list -> {
                List<Object> items = new ArrayList<>();
                list.forEach(v -> items.add(policyCanonical(v)));
                if (items.size() == 1) {
                    yield items.getFirst();
                }
                sortByCanonicalText(items);
                yield items;
            }
            case null -> null;
            default -> CanonicalJson.canonical(value);
        };
    }

    /** Order-insensitive list: elements canonicalised and sorted by their JSON text; empty means none. */
    private static Object set(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<Object> items = new ArrayList<>(list.size());
        list.forEach(v -> items.add(withoutEmpties(CanonicalJson.canonical(v))));
        sortByCanonicalText(items);
        return items;
    }

    /** Blocks keyed by their {@code id}, sorted; each block without its empty fields; empty means none. */
    private static Object byId(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        Map<String, Object> blocks = new TreeMap<>();
        for (Object block : list) {
            Object key = block instanceof Map<?, ?> map ? map.get("id") : null;
            blocks.put(key == null ? CanonicalJson.render(block) : String.valueOf(key),
                    withoutEmpties(CanonicalJson.canonical(block)));
        }
        return blocks;
    }

    /**
     * Inside set elements (security group rules...), an empty list, empty string or null field says the same as an
     * absent one; providers and APIs disagree on which they write. An empty nested block ({@code filter {}}) is
     * absent too. So is a zero or false field: the provider's SDK cannot tell them from null inside a block, a first
     * apply leaves null where the configuration said nothing (a NACL rule's icmp_code, an SSE rule's
     * bucket_key_enabled) and its next refresh writes 0 or false, which Terraform calls no change.
     */
    private static Object withoutEmpties(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> kept = new TreeMap<>();
                map.forEach((k, v) -> {
                    Object pruned = withoutEmpties(v);
                    if (!isEmpty(pruned)) {
                        kept.put(String.valueOf(k), pruned);
                    }
                });
                yield kept;
            }
            case List<?> list -> {
                List<Object> items = new ArrayList<>(list.size());
                for (Object item : list) {
                    Object pruned = withoutEmpties(item);
                    if (!(pruned instanceof Map<?, ?> block && block.isEmpty())) {
                        items.add(pruned);
                    }
                }
                sortByCanonicalText(items);
                yield items;
            }
            case null, default -> value;
        };
    }

    /** Sorts by each element's canonical JSON text, rendering every element once rather than once per comparison. */
    private static void sortByCanonicalText(List<Object> items) {
        if (items.size() < 2) {
            return;
        }
        List<Map.Entry<String, Object>> keyed = new ArrayList<>(items.size());
        items.forEach(item -> keyed.add(new java.util.AbstractMap.SimpleImmutableEntry<>(CanonicalJson.render(item), item)));
        keyed.sort(Map.Entry.comparingByKey());
        for (int i = 0; i < keyed.size(); i++) {
            items.set(i, keyed.get(i).getValue());
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || Boolean.FALSE.equals(value)
                || (value instanceof Number n && n.doubleValue() == 0)
                || (value instanceof String s && s.isEmpty())
                || (value instanceof List<?> l && l.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
    }
}
