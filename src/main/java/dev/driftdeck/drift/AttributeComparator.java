package dev.driftdeck.drift;

import dev.driftdeck.state.Sensitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares the curated attributes of one state resource with its live counterpart. Only what the state holds is
 * compared: an attribute whose key the state lacks (an older provider's schema, a hand-written state) is named in
 * {@link Comparison#notInState()} instead of turning into "created from null" drift. A key present with
 * {@code null} is Terraform saying "not set", and is compared.
 */
final class AttributeComparator {

    /**
     * @param diffs      the differences found
     * @param notInState the compared attributes the state has no key for, in the type's order
     */
    record Comparison(List<AttributeDiff> diffs, List<String> notInState) {
    }

    private AttributeComparator() {
    }

    static Comparison compare(TypeSpec spec, Map<String, Object> state, Map<String, Object> live) {
        List<AttributeDiff> diffs = new ArrayList<>();
        List<String> notInState = List.of();
        for (AttributeRule rule : spec.compared()) {
            if (!inState(rule, state)) {
                if (notInState.isEmpty()) {
                    notInState = new ArrayList<>();
                }
                notInState.add(rule.name());
                continue;
            }
            Object expectedRaw = expectedValue(rule, state);
            if (containsMask(expectedRaw)) {
                // A masked secret cannot be compared, and its live value must never be shown either.
                continue;
            }
            Object expected = ValueNormalizer.normalize(rule.normalization(), expectedRaw);
            Object actual = ValueNormalizer.normalize(rule.normalization(), live.get(rule.name()));
            if (Objects.equals(expected, actual)) {
                // Normalised values are canonical (sorted maps, normalised numbers): equal values render equal,
                // so the common in-sync case needs no rendering at all (the 100k reconcile benchmark's hot spot).
                continue;
            }
            if (rule.normalization() == Normalization.TAGS || rule.normalization() == Normalization.BY_ID
                    || rule.normalization() == Normalization.MAP) {
                diffByKey(rule.name(), expected, actual, diffs);
            } else if (!Objects.equals(render(expected), render(actual))) {
                diffs.add(new AttributeDiff(List.of(rule.name()), render(expected), render(actual), kindOf(expected, actual)));
            }
        }
        return new Comparison(diffs, notInState);
    }

    /** Whether the state has a key for the rule's attribute ({@code tags_all} stands in for {@code tags}). */
    private static boolean inState(AttributeRule rule, Map<String, Object> state) {
        return state.containsKey(rule.name()) || usesTagsAll(rule, state);
    }

    /**
     * AWS holds one tag set per resource: the configured {@code tags} merged with the provider's
     * {@code default_tags}. Terraform records that merge as {@code tags_all} (provider v3.38+), so live tags are
     * compared with it when the state has it, and with {@code tags} in older states.
     */
    private static Object expectedValue(AttributeRule rule, Map<String, Object> state) {
        return usesTagsAll(rule, state) ? state.get("tags_all") : state.get(rule.name());
    }

    private static boolean usesTagsAll(AttributeRule rule, Map<String, Object> state) {
        return rule.normalization() == Normalization.TAGS && rule.name().equals("tags") && state.containsKey("tags_all");
    }

    /**
     * Tags and maps drift key by key, and blocks with an id block by block, so the operator sees which tag or rule changed
     * rather than two whole maps.
     */
    private static void diffByKey(String name, Object expected, Object actual, List<AttributeDiff> diffs) {
        Map<?, ?> want = expected instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> have = actual instanceof Map<?, ?> m ? m : Map.of();
        TreeSet<String> keys = new TreeSet<>();
        want.keySet().forEach(k -> keys.add(String.valueOf(k)));
        have.keySet().forEach(k -> keys.add(String.valueOf(k)));
        for (String key : keys) {
            String w = render(want.get(key));
            String h = render(have.get(key));
            if (!Objects.equals(w, h)) {
                diffs.add(new AttributeDiff(List.of(name, key), w, h, kindOf(want.get(key), have.get(key))));
            }
        }
    }

    private static DiffKind kindOf(Object expected, Object actual) {
        if (expected == null) {
            return DiffKind.ADDED;
        }
        return actual == null ? DiffKind.REMOVED : DiffKind.CHANGED;
    }

    private static String render(Object value) {
        return value == null ? null : CanonicalJson.render(value);
    }

    private static boolean containsMask(Object value) {
        switch (value) {
            case String s -> {
                return s.equals(Sensitive.MASK);
            }
            case Map<?, ?> map -> {
                for (Object v : map.values()) {
                    if (containsMask(v)) {
                        return true;
                    }
                }
                return false;
            }
            case List<?> list -> {
                for (Object v : list) {
                    if (containsMask(v)) {
                        return true;
                    }
                }
                return false;
            }
            case null, default -> {
                return false;
            }
        }
    }
}
