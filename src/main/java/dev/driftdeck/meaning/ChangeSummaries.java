package dev.driftdeck.meaning;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.CanonicalJson;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.meaning.ChangeLine.Sign;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says what one attribute difference means, in the attribute's own terms: rule sets and lists element by element,
 * policy documents statement by statement ({@link PolicyChanges}), tags key by key, nested blocks by path, scalars
 * {@code from → to}. A pure function of the resource type and the difference: every writer and the console call it
 * on the stored diff, so nothing new is stored. A masked secret stays masked: the line names the attribute only.
 */
public final class ChangeSummaries {

    private ChangeSummaries() {
    }

    public static ChangeSummary of(String type, AttributeDiff diff) {
        String path = diff.dottedPath();
        Sign sign = sign(diff.kind());
        if (Values.masked(diff.expected()) || Values.masked(diff.actual())) {
            return new ChangeSummary(List.of(new ChangeLine(sign, path + " " + verb(sign) + " (sensitive)")));
        }
        Object expected = parse(diff.expected());
        Object actual = parse(diff.actual());
        List<ChangeLine> lines = new ArrayList<>();
        if (isTag(diff.path())) {
            lines.add(tag(diff.path().get(1), sign, expected, actual));
        } else if (PolicyChanges.isPolicy(expected) || PolicyChanges.isPolicy(actual)) {
            PolicyChanges.describe(path, expected, actual, lines);
        } else {
            describe(type, path, expected, actual, lines);
        }
        if (lines.isEmpty()) {
            // Equal once read (a policy whose statements only moved): the raw values still differ, say so plainly.
            lines.add(new ChangeLine(sign, path + " " + verb(sign)));
        }
        return new ChangeSummary(lines);
    }

    private static void describe(String type, String path, Object expected, Object actual, List<ChangeLine> lines) {
        if (expected instanceof List<?> || actual instanceof List<?>) {
            list(type, path, list(expected), list(actual), lines);
        } else if (expected instanceof Map<?, ?> || actual instanceof Map<?, ?>) {
            nested(type, path, map(expected), map(actual), lines);
        } else if (!Objects.equals(expected, actual)) {
            lines.add(new ChangeLine(sign(expected, actual), path + " " + Values.text(expected) + " → " + Values.text(actual)));
        }
    }

    /**
     * A set or list: each element added or removed, described by its shape ({@link RuleElements}). A block that
     * is one element on both sides ({@code versioning_configuration}) is compared field by field instead.
     */
    private static void list(String type, String path, List<?> expected, List<?> actual, List<ChangeLine> lines) {
        String attribute = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        RuleElements.Shape shape = RuleElements.shapeOf(type, attribute);
        if (shape == RuleElements.Shape.GENERIC && expected.size() == 1 && actual.size() == 1
                && expected.getFirst() instanceof Map<?, ?> before && actual.getFirst() instanceof Map<?, ?> after) {
            nested(type, path, before, after, lines);
            return;
        }
        Set<String> before = elements(shape, attribute, expected);
        Set<String> after = elements(shape, attribute, actual);
        for (String element : before) {
            if (!after.contains(element)) {
                lines.add(new ChangeLine(Sign.REMOVED, path + " removed: " + element));
            }
        }
        for (String element : after) {
            if (!before.contains(element)) {
                lines.add(new ChangeLine(Sign.ADDED, path + " added: " + element));
            }
        }
    }

    private static Set<String> elements(RuleElements.Shape shape, String attribute, List<?> list) {
        Set<String> elements = new LinkedHashSet<>();
        list.forEach(element -> elements.addAll(RuleElements.describe(shape, attribute, element)));
        return elements;
    }

    /** A block or JSON object: each differing field by its path, {@code versioning_configuration.status}. */
    private static void nested(String type, String path, Map<?, ?> expected, Map<?, ?> actual, List<ChangeLine> lines) {
        TreeSet<String> keys = new TreeSet<>();
        expected.keySet().forEach(k -> keys.add(String.valueOf(k)));
        actual.keySet().forEach(k -> keys.add(String.valueOf(k)));
        for (String key : keys) {
            Object before = expected.get(key);
            Object after = actual.get(key);
            if (!CanonicalJson.render(before).equals(CanonicalJson.render(after))) {
                describe(type, path + "." + key, before, after, lines);
            }
        }
    }

    /** {@code tag Environment added: prod}, {@code tag Owner changed: a → b}, {@code tag X removed}. */
    private static ChangeLine tag(String key, Sign sign, Object expected, Object actual) {
        return new ChangeLine(sign, switch (sign) {
            case ADDED -> "tag " + key + " added: " + Values.text(actual);
            case REMOVED -> "tag " + key + " removed";
            case CHANGED -> "tag " + key + " changed: " + Values.text(expected) + " → " + Values.text(actual);
        });
    }

    private static boolean isTag(List<String> path) {
        return path.size() == 2 && (path.getFirst().equals("tags") || path.getFirst().equals("tags_all"));
    }

    private static Object parse(String json) {
        try {
            return Values.parse(json);
        } catch (IllegalArgumentException notJson) {
            return json;
        }
    }

    private static List<?> list(Object value) {
        return switch (value) {
            case List<?> list -> list;
            case null -> List.of();
            default -> List.of(value);
        };
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static Sign sign(DiffKind kind) {
        return switch (kind) {
            case ADDED -> Sign.ADDED;
            case REMOVED -> Sign.REMOVED;
            case CHANGED -> Sign.CHANGED;
        };
    }

    private static Sign sign(Object expected, Object actual) {
        return expected == null ? Sign.ADDED : actual == null ? Sign.REMOVED : Sign.CHANGED;
    }

    private static String verb(Sign sign) {
        return switch (sign) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
        };
    }
}
