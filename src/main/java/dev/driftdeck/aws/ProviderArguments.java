package dev.driftdeck.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftdeck.drift.AttributeRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hashicorp/aws provider's own list of each resource type's arguments (from {@code terraform providers schema
 * -json}, extracted by {@code scripts/extract-provider-schema.sh}): the reference that says what a supported type
 * must compare, or name as not compared with a reason. Computed-only attributes are AWS's, not drift.
 */
public final class ProviderArguments {

    /** How the schema declares a top-level attribute. */
    public enum Kind { REQUIRED, OPTIONAL, BLOCK, COMPUTED }

    private static final String RESOURCE = "provider-arguments.json";
    private static final ProviderArguments INSTANCE = load();

    private final String version;
    private final Map<String, Map<String, Kind>> byType;

    private ProviderArguments(String version, Map<String, Map<String, Kind>> byType) {
        this.version = version;
        this.byType = byType;
    }

    public static ProviderArguments get() {
        return INSTANCE;
    }

    /** The provider version the extract was taken from. */
    public String version() {
        return version;
    }

    /** Whether the provider has this resource type at all. */
    public boolean knows(String type) {
        return byType.containsKey(type);
    }

    /** Every top-level attribute of the type with its kind; empty for a type the provider does not have. */
    public Map<String, Kind> attributes(String type) {
        return byType.getOrDefault(type, Map.of());
    }

    /**
     * The arguments a user writes (required, optional, nested blocks), in name order. {@code tags_all} is left out:
     * the provider marks it optional, but it is its own merge of {@code tags} and default_tags, which is what a
     * {@code tags} comparison reads.
     */
    public Set<String> arguments(String type) {
        Set<String> arguments = new LinkedHashSet<>();
        attributes(type).forEach((name, kind) -> {
            if (kind != Kind.COMPUTED && !name.equals("tags_all")) {
                arguments.add(name);
            }
        });
        return arguments;
    }

    /** The arguments neither compared nor named as not compared. */
    public List<String> unaccounted(Collector collector) {
        Set<String> accounted = accounted(collector);
        List<String> unaccounted = new ArrayList<>();
        for (String argument : arguments(collector.type())) {
            if (!accounted.contains(argument)) {
                unaccounted.add(argument);
            }
        }
        return unaccounted;
    }

    /** How many of the type's arguments are compared. */
    public int comparedArguments(Collector collector) {
        Set<String> compared = compared(collector);
        return (int) arguments(collector.type()).stream().filter(compared::contains).count();
    }

    /** Compared ÷ arguments, in [0, 1]; 1 for a type with no argument. */
    public double coverage(Collector collector) {
        int arguments = arguments(collector.type()).size();
        return arguments == 0 ? 1.0 : comparedArguments(collector) / (double) arguments;
    }

    private static Set<String> accounted(Collector collector) {
        Set<String> accounted = compared(collector);
        collector.notCompared().forEach(entry -> accounted.add(entry.attribute()));
        return accounted;
    }

    private static Set<String> compared(Collector collector) {
        Set<String> compared = new LinkedHashSet<>();
        for (AttributeRule rule : collector.spec().compared()) {
            compared.add(rule.name());
        }
        return compared;
    }

    private static ProviderArguments load() {
        try (InputStream in = ProviderArguments.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, Map<String, Kind>> byType = new TreeMap<>();
            root.path("resources").properties().forEach(type -> {
                Map<String, Kind> kinds = new TreeMap<>();
                type.getValue().properties().forEach(attribute ->
                        kinds.put(attribute.getKey(), Kind.valueOf(attribute.getValue().asText().toUpperCase(Locale.ROOT))));
                byType.put(type.getKey(), Collections.unmodifiableMap(kinds));
            });
            return new ProviderArguments(root.path("version").asText(), byType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
