package dev.driftdeck.aws;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a live attribute map in a readable order; unlike {@code Map.of} it keeps null values (absent in AWS). */
final class Attributes {

    private final Map<String, Object> values = new LinkedHashMap<>();

    static Attributes of() {
        return new Attributes();
    }

    Attributes put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Map<String, Object> build() {
        return values;
    }
}
