package dev.driftdeck.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces sensitive values in one instance's attribute tree with {@link Sensitive#MASK} before anything else
 * sees them, so a secret never reaches the drift engine, the database, a log or a report. Null stays null:
 * it reveals nothing and tells drift that the value is unset.
 */
final class SensitiveMasker {

    private static final TextNode MASK = TextNode.valueOf(Sensitive.MASK);
    private static final String ANY = "*";

    private SensitiveMasker() {
    }

    /**
     * @param attributes          the instance's {@code attributes} object, masked in place
     * @param sensitiveAttributes the instance's {@code sensitive_attributes} as Terraform 0.15+ writes it:
     *                            a list of paths, each a list of {@code {"type":"get_attr","value":"password"}}
     *                            or {@code {"type":"index","value":{"value":0,"type":"number"}}} steps; may be missing
     */
    static void mask(String type, ObjectNode attributes, JsonNode sensitiveAttributes) {
        for (String name : SensitiveAttributes.anyType()) {
            maskPath(attributes, List.of(name), 0);
        }
        for (List<String> path : SensitiveAttributes.forType(type)) {
            maskPath(attributes, path, 0);
        }
        if (sensitiveAttributes != null && sensitiveAttributes.isArray()) {
            for (JsonNode path : sensitiveAttributes) {
                maskPath(attributes, stateSteps(path), 0);
            }
        }
    }

    private static List<String> stateSteps(JsonNode path) {
        List<String> steps = new ArrayList<>();
        for (JsonNode step : path) {
            JsonNode value = step.path("value");
            // An index step wraps its key: {"value": 0, "type": "number"} or {"value": "k", "type": "string"}.
            steps.add(value.isObject() ? value.path("value").asText() : value.asText());
        }
        return steps;
    }

    private static void maskPath(JsonNode node, List<String> path, int depth) {
        if (path.isEmpty()) {
            return;
        }
        String step = path.get(depth);
        boolean last = depth == path.size() - 1;
        if (node instanceof ObjectNode object) {
            for (String key : ANY.equals(step) ? fieldNames(object) : List.of(step)) {
                JsonNode child = object.get(key);
                if (child == null || child.isNull()) {
                    continue;
                }
                if (last) {
                    object.set(key, MASK);
                } else {
                    maskPath(child, path, depth + 1);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int index : indexes(array, step)) {
                JsonNode child = array.get(index);
                if (child.isNull()) {
                    continue;
                }
                if (last) {
                    array.set(index, MASK);
                } else {
                    maskPath(child, path, depth + 1);
                }
            }
        }
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>(object.size());
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Integer> indexes(ArrayNode array, String step) {
        if (ANY.equals(step)) {
            return java.util.stream.IntStream.range(0, array.size()).boxed().toList();
        }
        try {
            int index = Integer.parseInt(step);
            return index >= 0 && index < array.size() ? List.of(index) : List.of();
        } catch (NumberFormatException notAnIndex) {
            return List.of();
        }
    }
}
