package dev.driftdeck.meaning;

import dev.driftdeck.drift.CanonicalJson;
import dev.driftdeck.meaning.ChangeLine.Sign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A policy document's change statement by statement: statements with a {@code Sid} are matched by it; the others
 * first by equal content, then an unmatched removed one with an unmatched added one of the same effect that shares
 * its resources, principals or actions (an edited statement), the rest read as removed and added.
 */
final class PolicyChanges {

    /** The statement fields in the order an operator reads them, with their words. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();
    private static final int MAX_STATEMENT_LENGTH = 200;

    static {
        FIELDS.put("Effect", "effect");
        FIELDS.put("Action", "actions");
        FIELDS.put("NotAction", "not actions");
        FIELDS.put("Principal", "principals");
        FIELDS.put("NotPrincipal", "not principals");
        FIELDS.put("Resource", "resources");
        FIELDS.put("NotResource", "not resources");
        FIELDS.put("Condition", "conditions");
    }

    private PolicyChanges() {
    }

    /** A parsed policy document: a JSON object with a {@code Statement}. */
    static boolean isPolicy(Object value) {
        return value instanceof Map<?, ?> map && map.containsKey("Statement");
    }

    /**
     * @param attribute the attribute's dotted path; named in each line unless it is the usual {@code policy}
     */
    static void describe(String attribute, Object expected, Object actual, List<ChangeLine> lines) {
        Map<?, ?> want = expected instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> have = actual instanceof Map<?, ?> m ? m : Map.of();
        String prefix = attribute.equals("policy") ? "" : attribute + " ";
        TreeSet<String> keys = new TreeSet<>();
        want.keySet().forEach(k -> keys.add(String.valueOf(k)));
        have.keySet().forEach(k -> keys.add(String.valueOf(k)));
        keys.remove("Statement");
        if (want.isEmpty() || have.isEmpty()) {
            // A policy put or deleted whole: its statements say it; "Version 2012-10-17 → (none)" would be noise.
            keys.clear();
        }
        for (String key : keys) {
            if (!Objects.equals(canonical(want.get(key)), canonical(have.get(key)))) {
                lines.add(new ChangeLine(Sign.CHANGED, prefix + key + " " + Values.text(want.get(key)) + " → "
                        + Values.text(have.get(key))));
            }
        }
        List<Map<?, ?>> removed = new ArrayList<>(statements(want.get("Statement")));
        List<Map<?, ?>> added = new ArrayList<>(statements(have.get("Statement")));
        List<Map<?, ?>> haveOrder = List.copyOf(added);
        List<Map<?, ?>[]> pairs = new ArrayList<>();
        pairBy(removed, added, pairs, (a, b) -> sid(a) != null && sid(a).equals(sid(b)));
        pairBy(removed, added, pairs, (a, b) -> sid(a) == null && sid(b) == null && canonical(a).equals(canonical(b)));
        pairBy(removed, added, pairs, (a, b) -> sid(a) == null && sid(b) == null && edited(a, b));
        for (Map<?, ?> statement : removed) {
            lines.add(new ChangeLine(Sign.REMOVED, prefix + label(statement, null) + " removed: " + sentence(statement)));
        }
        for (Map<?, ?> statement : added) {
            lines.add(new ChangeLine(Sign.ADDED, prefix + label(statement, null) + " added: " + sentence(statement)));
        }
        for (Map<?, ?>[] pair : pairs) {
            List<String> changes = fieldChanges(pair[0], pair[1]);
            if (!changes.isEmpty()) {
                lines.add(new ChangeLine(Sign.CHANGED, prefix + label(pair[1], haveOrder.indexOf(pair[1]) + 1)
                        + " changed: " + String.join(", ", changes)));
            }
        }
    }

    private interface Match {
        boolean test(Map<?, ?> removed, Map<?, ?> added);
    }

    private static void pairBy(List<Map<?, ?>> removed, List<Map<?, ?>> added, List<Map<?, ?>[]> pairs, Match match) {
        for (var it = removed.iterator(); it.hasNext(); ) {
            Map<?, ?> old = it.next();
            for (Map<?, ?> now : added) {
                if (match.test(old, now)) {
                    pairs.add(new Map<?, ?>[]{old, now});
                    added.remove(now);
                    it.remove();
                    break;
                }
            }
        }
    }

    /** The same effect on the same resources, principals or actions: the statement was edited, not replaced. */
    private static boolean edited(Map<?, ?> a, Map<?, ?> b) {
        if (!Objects.equals(a.get("Effect"), b.get("Effect"))) {
            return false;
        }
        for (String field : List.of("Resource", "NotResource", "Principal", "Action", "NotAction")) {
            if (a.get(field) != null && Objects.equals(canonical(a.get(field)), canonical(b.get(field)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fieldChanges(Map<?, ?> old, Map<?, ?> now) {
        List<String> changes = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>(FIELDS.keySet());
        old.keySet().forEach(k -> fields.add(String.valueOf(k)));
        now.keySet().forEach(k -> fields.add(String.valueOf(k)));
        fields.remove("Sid");
        for (String field : fields) {
            Object a = old.get(field);
            Object b = now.get(field);
            if (Objects.equals(canonical(a), canonical(b))) {
                continue;
            }
            String word = FIELDS.getOrDefault(field, field);
            if (field.equals("Effect") || !FIELDS.containsKey(field)) {
                changes.add(word + " " + Values.text(a) + " → " + Values.text(b));
                continue;
            }
            List<String> before = elements(field, a);
            List<String> after = elements(field, b);
            StringBuilder change = new StringBuilder(word);
            after.stream().filter(e -> !before.contains(e)).forEach(e -> change.append(" + ").append(e));
            before.stream().filter(e -> !after.contains(e)).forEach(e -> change.append(" - ").append(e));
            changes.add(change.toString());
        }
        return changes;
    }

    /** {@code Allow s3:GetObject on arn:aws:s3:::b/* for * when Bool aws:SecureTransport=false}. */
    private static String sentence(Map<?, ?> statement) {
        StringBuilder text = new StringBuilder(Values.text(statement.get("Effect")));
        part(text, "", elements("Action", statement.get("Action")));
        part(text, " all but", elements("NotAction", statement.get("NotAction")));
        part(text, " on", elements("Resource", statement.get("Resource")));
        part(text, " on all but", elements("NotResource", statement.get("NotResource")));
        part(text, " for", elements("Principal", statement.get("Principal")));
        part(text, " for all but", elements("NotPrincipal", statement.get("NotPrincipal")));
        part(text, " when", elements("Condition", statement.get("Condition")));
        String sentence = text.toString();
        return sentence.length() <= MAX_STATEMENT_LENGTH ? sentence : sentence.substring(0, MAX_STATEMENT_LENGTH - 1) + "…";
    }

    private static void part(StringBuilder text, String word, List<String> elements) {
        if (!elements.isEmpty()) {
            text.append(word).append(' ').append(String.join(", ", elements));
        }
    }

    /**
     * A field's values as an operator compares them: actions and resources as listed; principals by value
     * ({@code "*"}, an ARN, a service); conditions as {@code Operator key=value[,value]}.
     */
    private static List<String> elements(String field, Object value) {
        if (field.equals("Condition") && value instanceof Map<?, ?> operators) {
            List<String> conditions = new ArrayList<>();
            operators.forEach((operator, keys) -> {
                if (keys instanceof Map<?, ?> byKey) {
                    byKey.forEach((key, values) -> conditions.add(operator + " " + key + "=" + String.join(",", Values.strings(values))));
                } else {
                    conditions.add(operator + " " + Values.text(keys));
                }
            });
            return conditions;
        }
        return Values.strings(value);
    }

    private static String label(Map<?, ?> statement, Integer position) {
        String sid = sid(statement);
        if (sid != null) {
            return "statement \"" + sid + "\"";
        }
        return position == null ? "statement" : "statement " + position;
    }

    private static String sid(Map<?, ?> statement) {
        return statement.get("Sid") instanceof String s && !s.isEmpty() ? s : null;
    }

    /** The canonical form keeps a one-statement document's {@code Statement} as the statement itself. */
    private static List<Map<?, ?>> statements(Object value) {
        List<Map<?, ?>> statements = new ArrayList<>();
        if (value instanceof Map<?, ?> single) {
            statements.add(single);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> {
                if (item instanceof Map<?, ?> map) {
                    statements.add(map);
                }
            });
        }
        return statements;
    }

    private static String canonical(Object value) {
        return CanonicalJson.render(value);
    }
}
