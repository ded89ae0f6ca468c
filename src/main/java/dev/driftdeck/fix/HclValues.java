package dev.driftdeck.fix;

import dev.driftdeck.remediation.Hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Terraform expressions for plain values (String, Number, Boolean, List, Map, null as {@code CanonicalJson.parse}
 * gives them): strings quoted and escaped (template sequences {@code ${}} and {@code %{} kept literal), maps and
 * objects one entry per line with keys quoted where HCL needs it.
 */
final class HclValues {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final String INDENT = "  ";

    private HclValues() {
    }

    /** The value as an HCL expression; nested maps and lists continue on lines indented one step past {@code depth}. */
    static String expression(Object value, int depth) {
        return switch (value) {
            case null -> "null";
            case String s -> string(s);
            case Boolean b -> b.toString();
            case BigDecimal d -> d.stripTrailingZeros().toPlainString();
            case Number n -> new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            case Map<?, ?> map -> object(map, depth, false);
            case List<?> list -> list(list, depth);
            default -> string(String.valueOf(value));
        };
    }

    /**
     * A JSON value as the argument of {@code jsonencode(...)}: every object key quoted, so the keys a policy uses
     * ({@code "aws:SourceArn"}, {@code "Version"}) reach JSON exactly as written.
     */
    static String jsonencode(Object value, int depth) {
        return "jsonencode(" + jsonExpression(value, depth) + ")";
    }

    private static String jsonExpression(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            return object(map, depth, true);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            StringBuilder out = new StringBuilder("[\n");
            for (Object item : list) {
                out.append(indent(depth + 1)).append(jsonExpression(item, depth + 1)).append(",\n");
            }
            return out.append(indent(depth)).append(']').toString();
        }
        return expression(value, depth);
    }

    /** A map key or block argument name, quoted unless it is an identifier. */
    static String key(String key) {
        return IDENTIFIER.matcher(key).matches() ? key : string(key);
    }

    static String indent(int depth) {
        return INDENT.repeat(depth);
    }

    /** A quoted HCL string, read back by Terraform unchanged (no interpolation). */
    static String string(String s) {
        return Hcl.quoted(s);
    }

    private static String object(Map<?, ?> map, int depth, boolean json) {
        if (map.isEmpty()) {
            return "{}";
        }
        int width = 0;
        for (Object key : map.keySet()) {
            width = Math.max(width, renderedKey(String.valueOf(key), json).length());
        }
        StringBuilder out = new StringBuilder("{\n");
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = renderedKey(String.valueOf(entry.getKey()), json);
            String value = json ? jsonExpression(entry.getValue(), depth + 1) : expression(entry.getValue(), depth + 1);
            out.append(indent(depth + 1)).append(key).append(" ".repeat(width - key.length())).append(" = ")
                    .append(value).append('\n');
        }
        return out.append(indent(depth)).append('}').toString();
    }

    private static String renderedKey(String key, boolean json) {
        return json ? string(key) : key(key);
    }

    private static String list(List<?> list, int depth) {
        if (list.isEmpty()) {
            return "[]";
        }
        boolean simple = list.stream().noneMatch(item -> item instanceof Map<?, ?> || item instanceof List<?>);
        if (simple) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(expression(list.get(i), depth));
            }
            return out.append(']').toString();
        }
        StringBuilder out = new StringBuilder("[\n");
        for (Object item : list) {
            out.append(indent(depth + 1)).append(expression(item, depth + 1)).append(",\n");
        }
        return out.append(indent(depth)).append(']').toString();
    }
}
