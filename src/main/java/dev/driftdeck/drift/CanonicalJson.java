package dev.driftdeck.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders plain Java values (String, Number, Boolean, List, Map, null) as canonical JSON text: map keys sorted,
 * numbers without trailing zeros. Two values are equal for the drift engine when their canonical texts are equal.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CanonicalJson() {
    }

    public static String render(Object value) {
        try {
            return MAPPER.writeValueAsString(canonical(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be rendered as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text into plain Java values; throws {@link IllegalArgumentException} when it is not JSON. */
    public static Object parse(String json) {
        try {
            return MAPPER.convertValue(MAPPER.readTree(json), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Turns a Jackson tree into plain Java values. */
    public static Object fromTree(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    /** Sorted maps, normalised numbers; lists keep their order. */
    static Object canonical(Object value) {
        return switch (value) {
            case null -> null;
            case Map<?, ?> map -> {
                Map<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
                yield sorted;
            }
            case List<?> list -> {
                List<Object> out = new ArrayList<>(list.size());
                list.forEach(v -> out.add(canonical(v)));
                yield out;
            }
            case BigDecimal decimal -> normalizeNumber(decimal);
            case Double d -> normalizeNumber(BigDecimal.valueOf(d));
            case Float f -> normalizeNumber(BigDecimal.valueOf(f.doubleValue()));
            case Number n -> normalizeNumber(new BigDecimal(n.toString()));
            default -> value;
        };
    }

    private static Object normalizeNumber(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return stripped;
    }
}
