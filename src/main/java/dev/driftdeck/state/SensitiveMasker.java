package dev.driftdeck.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Replaces sensitive values in one instance's attribute tree with {@link Sensitive#MASK}, and access key ids with
 * their {@link AccessKeyIds#redact redacted form}, before anything else sees them: a secret never reaches the
 * drift engine, the database, a log or a report. Null stays null: it reveals nothing and tells drift the value is
 * unset.
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
     *                            or {@code {"type":"index","value":{"value":0,"type":"number"}}} steps; may be null
     */
    static void mask(String type, ObjectNode attributes, JsonNode sensitiveAttributes) {
        if (sensitiveAttributes != null && sensitiveAttributes.isArray()) {
            for (JsonNode path : sensitiveAttributes) {
                maskPath(attributes, stateSteps(path), 0);
            }
        }
        for (List<String> path : SensitiveAttributes.forType(type)) {
            maskPath(attributes, path, 0);
        }
        for (List<String> path : SensitiveAttributes.fingerprintedForType(type)) {
            replaceAt(attributes, path, 0, SensitiveMasker::fingerprint);
        }
        maskByNameAndRedactKeyIds(attributes);
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
        replaceAt(node, path, depth, value -> MASK);
    }

    /** A value already masked stays masked; any other text becomes its {@link Sensitive#fingerprint}. */
    private static JsonNode fingerprint(JsonNode value) {
        return value.isTextual() && !Sensitive.MASK.equals(value.textValue())
                ? TextNode.valueOf(Sensitive.fingerprint(value.textValue())) : value;
    }

    /** Replaces every non-null value at {@code path} (from {@code depth} on) with {@code replacement} of it. */
    private static void replaceAt(JsonNode node, List<String> path, int depth,
                                  java.util.function.UnaryOperator<JsonNode> replacement) {
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
                    object.set(key, replacement.apply(child));
                } else {
                    replaceAt(child, path, depth + 1, replacement);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int index : indexes(array, step)) {
                JsonNode child = array.get(index);
                if (child.isNull()) {
                    continue;
                }
                if (last) {
                    array.set(index, replacement.apply(child));
                } else {
                    replaceAt(child, path, depth + 1, replacement);
                }
            }
        }
    }

    /** Walks the whole tree: secrets hide under the same few names at any depth (a broker user's password...). */
    private static void maskByNameAndRedactKeyIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (SensitiveAttributes.anyType().contains(field.getKey()) && !value.isNull()) {
                    field.setValue(MASK);
                } else if (value.isTextual()) {
                    field.setValue(redactKeyId(value));
                } else {
                    maskByNameAndRedactKeyIds(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) {
                    array.set(i, redactKeyId(element));
                } else {
                    maskByNameAndRedactKeyIds(element);
                }
            }
        }
    }

    private static JsonNode redactKeyId(JsonNode text) {
        return AccessKeyIds.isAccessKeyId(text.textValue()) ? TextNode.valueOf(AccessKeyIds.redact(text.textValue()))
                : text;
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>(object.size());
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Integer> indexes(ArrayNode array, String step) {
        if (ANY.equals(step)) {
            return IntStream.range(0, array.size()).boxed().toList();
        }
        try {
            int index = Integer.parseInt(step);
            return index >= 0 && index < array.size() ? List.of(index) : List.of();
        } catch (NumberFormatException notAnIndex) {
            return List.of();
        }
    }
}
