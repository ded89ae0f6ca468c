package dev.driftdeck.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the JSON trees {@link SignedRequests} answers into the values the provider writes in the state: nested
 * structures as Terraform blocks ({@code snake_case} keys, a nested object as a one-element list), numbers as
 * numbers, and tag lists as maps.
 */
final class RawShapes {

    private RawShapes() {
    }

    /** A field's text, or null when absent or empty. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }

    /** A numeric field (query-protocol text parsed), or {@code absent} when missing. */
    static Object number(JsonNode node, String field, Object absent) {
        String text = text(node, field);
        return text == null ? absent : new BigDecimal(text);
    }

    /** A boolean field ({@code "true"} in query-protocol XML), false when missing. */
    static boolean bool(JsonNode node, String field) {
        return "true".equalsIgnoreCase(text(node, field));
    }

    /** The texts of an array field ({@code <member>} lists in XML). */
    static List<String> texts(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    /** {@code [{Key, Value}]} as a map (EFS, ELB, CloudWatch). */
    static Map<String, Object> tags(JsonNode tagList) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tagList.forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        return tags;
    }

    /**
     * A JSON object as a one-element block list in the provider's names, or an empty list when absent or empty
     * ({@code "CaptchaConfig": {}} is no block, as the provider writes it).
     */
    static List<Object> block(JsonNode object, Map<String, String> renames) {
        return object == null || !object.isObject() || object.isEmpty() ? List.of() : List.of(value(object, renames));
    }

    /**
     * A JSON value in the provider's shape: object keys in {@code snake_case} (or as {@code renames} names them, by
     * the API's name), nested objects as one-element lists, arrays element by element.
     */
    static Object value(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            Map<String, Object> block = new LinkedHashMap<>();
            node.properties().forEach(field -> {
                String name = renames.getOrDefault(field.getKey(), snake(field.getKey()));
                JsonNode child = field.getValue();
                block.put(name, child.isObject() ? List.of(value(child, renames)) : value(child, renames));
            });
            return block;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item, renames)));
            return items;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }

    /** {@code TargetTrackingScalingPolicyConfiguration -> target_tracking_scaling_policy_configuration}. */
    static String snake(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                    || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)));
            if (boundary) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
