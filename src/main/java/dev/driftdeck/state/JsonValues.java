package dev.driftdeck.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON tree into the plain, unmodifiable Java values {@link StateResource#attributes()} promises:
 * String, Long (or BigInteger), BigDecimal, Boolean, List, Map and null. Decimals stay BigDecimal so that a
 * state value compares exactly with what AWS reports.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return switch (node.getNodeType()) {
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> number(node);
            case ARRAY -> list(node);
            case OBJECT -> map(node);
            default -> node.asText();
        };
    }

    static Map<String, Object> map(JsonNode object) {
        // LinkedHashMap keeps Terraform's attribute order and, unlike Map.copyOf, allows null values.
        Map<String, Object> map = LinkedHashMap.newLinkedHashMap(object.size());
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            map.put(field.getKey(), toJava(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<Object> list(JsonNode array) {
        List<Object> list = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            list.add(toJava(element));
        }
        return Collections.unmodifiableList(list);
    }

    private static Object number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        return node.decimalValue();
    }
}
