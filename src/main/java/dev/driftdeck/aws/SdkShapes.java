package dev.driftdeck.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * SDK response objects turned into plain values generically, from their own field list, for the two shapes a state
 * holds them in: the API's JSON (ECS container definitions, which the provider stores as the API returned them) and
 * Terraform's nested blocks (snake_case names, a nested object as a one-element list). Fields the response left out
 * are left out, so they compare equal to a state that lacks them.
 */
final class SdkShapes {

    private SdkShapes() {
    }

    /** The object as the API's JSON has it: wire names, absent fields left out. */
    static Map<String, Object> json(SdkPojo pojo) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = jsonValue(field.getValueOrDefault(pojo));
            if (value != null) {
                map.put(field.locationName(), value);
            }
        }
        return map;
    }

    private static Object jsonValue(Object value) {
        return switch (value) {
            case null -> null;
            case SdkAutoConstructList<?> absent -> null;
            case SdkAutoConstructMap<?, ?> absent -> null;
            case SdkPojo pojo -> json(pojo);
            case List<?> list -> {
                List<Object> items = new ArrayList<>();
                list.forEach(item -> items.add(jsonValue(item)));
                yield items;
            }
            case Map<?, ?> map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.forEach((k, v) -> entries.put(String.valueOf(k), jsonValue(v)));
                yield entries;
            }
            case Instant instant -> instant.toString();
            default -> value;
        };
    }

    /**
     * The object as one Terraform block: {@code [{snake_case: value}]}, a nested object as a one-element list, an
     * absent object as an empty list (how the provider writes an unset block).
     */
    static List<Object> block(SdkPojo pojo) {
        return pojo == null ? List.of() : List.of(blockMap(pojo));
    }

    /** The object's fields under Terraform's snake_case names, nested objects as one-element lists. */
    static Map<String, Object> blockMap(SdkPojo pojo) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = blockValue(field.getValueOrDefault(pojo));
            if (value != null) {
                map.put(snakeCase(field.locationName()), value);
            }
        }
        return map;
    }

    private static Object blockValue(Object value) {
        return switch (value) {
            case null -> null;
            case SdkAutoConstructList<?> absent -> null;
            case SdkAutoConstructMap<?, ?> absent -> null;
            case SdkPojo pojo -> List.of(blockMap(pojo));
            case List<?> list -> {
                List<Object> items = new ArrayList<>();
                list.forEach(item -> items.add(item instanceof SdkPojo pojo ? blockMap(pojo) : blockValue(item)));
                yield items;
            }
            case Map<?, ?> map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.forEach((k, v) -> entries.put(String.valueOf(k), blockValue(v)));
                yield entries;
            }
            case Instant instant -> instant.toString();
            default -> value;
        };
    }

    /** {@code endpointPrivateAccess} → {@code endpoint_private_access}, {@code ec2SshKey} → {@code ec2_ssh_key}. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && !Character.isUpperCase(name.charAt(i - 1));
                boolean beforeLower = i > 0 && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || beforeLower && snake.length() > 0) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
