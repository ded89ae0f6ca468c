package dev.driftdeck.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.aws.Collector;
import dev.driftdeck.aws.Collectors;
import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A synthetic estate for the benchmarks: {@code n} resources in a real format-4 tfstate file, and a live inventory
 * of {@code n} resources shaped like the collectors' (every supported type, attributes per the collectors' own
 * {@link TypeSpec}s). The mix: 90% in sync, 5% changed (half tags, half a compared attribute), 2.5% missing,
 * 2.5% unmanaged. Deterministic: resource {@code i} is always the same.
 */
final class SyntheticEstate {

    static final String ACCOUNT = "123456789012";
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    /** Instances per resource block in the state file (a {@code count}). */
    private static final int PER_BLOCK = 100;

    private final int size;
    private final List<Collector> collectors = Collectors.all();

    SyntheticEstate(int size) {
        this.size = size;
    }

    static boolean missing(int i) {
        return i % 40 == 0; // 2.5%
    }

    static boolean changed(int i) {
        return i % 20 == 1; // 5%
    }

    /** The extra live resources no state manages: 2.5% of the size, so live and state both hold {@code size}. */
    int unmanagedCount() {
        return size / 40;
    }

    private Collector collectorOf(int i) {
        return collectors.get((i / PER_BLOCK) % collectors.size());
    }

    /** Writes the state file the way Terraform does: header first, then resource blocks with counted instances. */
    Path writeState(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (JsonGenerator json = mapper.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("version", 4);
            json.writeStringField("terraform_version", "1.11.4");
            json.writeNumberField("serial", 7);
            json.writeStringField("lineage", "bench-0000-lineage");
            json.writeObjectFieldStart("outputs");
            json.writeEndObject();
            json.writeArrayFieldStart("resources");
            for (int block = 0; block * PER_BLOCK < size; block++) {
                Collector collector = collectorOf(block * PER_BLOCK);
                json.writeStartObject();
                json.writeStringField("mode", "managed");
                json.writeStringField("type", collector.type());
                json.writeStringField("name", "r" + block);
                json.writeStringField("provider", "provider[\"registry.terraform.io/hashicorp/aws\"]");
                json.writeArrayFieldStart("instances");
                for (int i = block * PER_BLOCK; i < Math.min(size, (block + 1) * PER_BLOCK); i++) {
                    json.writeStartObject();
                    json.writeNumberField("index_key", i - block * PER_BLOCK);
                    json.writeNumberField("schema_version", 0);
                    json.writeFieldName("attributes");
                    mapper.writeValue(json, stateAttributes(collector, i));
                    json.writeArrayFieldStart("sensitive_attributes");
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return file;
    }

    /** One listing per (type, region), global types once; every listing succeeded. */
    LiveInventory live() {
        Map<ListingScope, List<LiveResource>> byScope = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            if (missing(i)) {
                continue;
            }
            Collector collector = collectorOf(i);
            LiveResource resource = liveResource(collector, i, liveAttributes(collector, i));
            byScope.computeIfAbsent(new ListingScope(ACCOUNT, resource.region(), collector.type()),
                    scope -> new ArrayList<>()).add(resource);
        }
        for (int u = 0; u < unmanagedCount(); u++) {
            int i = size + u; // ids no state resource has
            Collector collector = collectorOf(u * PER_BLOCK / 10);
            LiveResource resource = liveResource(collector, i, stateAttributes(collector, i));
            byScope.computeIfAbsent(new ListingScope(ACCOUNT, resource.region(), collector.type()),
                    scope -> new ArrayList<>()).add(resource);
        }
        for (Collector collector : collectors) { // every scope listed, even an empty one
            if (collector.global()) {
                byScope.putIfAbsent(new ListingScope(ACCOUNT, ListingScope.GLOBAL, collector.type()), new ArrayList<>());
            } else {
                REGIONS.forEach(r -> byScope.putIfAbsent(new ListingScope(ACCOUNT, r, collector.type()), new ArrayList<>()));
            }
        }
        List<ListingOutcome> outcomes = new ArrayList<>();
        byScope.forEach((scope, resources) -> outcomes.add(new ListingOutcome.Listed(scope, resources)));
        return new LiveInventory(outcomes, Map.of("ec2", 1_000L, "iam", 2_000L, "s3", 500L));
    }

    private static LiveResource liveResource(Collector collector, int i, Map<String, Object> attributes) {
        String id = collector.spec().idFrom().isEmpty() ? idOf(collector, i)
                : String.join("/", collector.spec().idFrom().stream().map(n -> String.valueOf(attributes.get(n))).toList());
        Map<String, Object> compared = new TreeMap<>();
        for (AttributeRule rule : collector.spec().compared()) {
            compared.put(rule.name(), attributes.get(rule.name()));
        }
        return new LiveResource(collector.type(), id, ACCOUNT,
                collector.global() ? ListingScope.GLOBAL : region(i), compared);
    }

    private static String region(int i) {
        return REGIONS.get(i % REGIONS.size());
    }

    private static String idOf(Collector collector, int i) {
        return collector.type().replace("aws_", "") + "-" + Integer.toHexString(0x100000 + i);
    }

    /** What Terraform recorded: the compared attributes plus the id, an ARN and a few attributes nobody compares. */
    private static Map<String, Object> stateAttributes(Collector collector, int i) {
        TypeSpec spec = collector.spec();
        Map<String, Object> attributes = new LinkedHashMap<>();
        String id = idOf(collector, i);
        attributes.put("id", spec.idFrom().isEmpty() ? id : "terraform-" + id + "-20260101000000000000000001");
        attributes.put("arn", collector.global()
                ? "arn:aws:iam::" + ACCOUNT + ":" + id
                : "arn:aws:ec2:" + region(i) + ":" + ACCOUNT + ":" + id);
        attributes.put("owner_id", ACCOUNT);
        attributes.put("timeouts", null);
        for (String idAttribute : spec.idFrom()) {
            attributes.put(idAttribute, idAttribute.endsWith("arn")
                    ? "arn:aws:iam::" + ACCOUNT + ":policy/p-" + i : "role-" + i);
        }
        for (AttributeRule rule : spec.compared()) {
            attributes.put(rule.name(), value(rule, i));
        }
        return attributes;
    }

    private static Map<String, Object> liveAttributes(Collector collector, int i) {
        Map<String, Object> attributes = stateAttributes(collector, i);
        if (!changed(i)) {
            return attributes;
        }
        List<AttributeRule> compared = collector.spec().compared();
        AttributeRule tags = compared.stream().filter(r -> r.name().equals("tags")).findFirst().orElse(null);
        AttributeRule other = compared.stream().filter(r -> !r.name().equals("tags")).findFirst().orElse(null);
        if (tags != null && (other == null || (i / 20) % 2 == 0)) {
            Map<String, Object> changedTags = new TreeMap<>(castMap(attributes.get("tags")));
            changedTags.put("Name", "renamed-by-hand-" + i);
            changedTags.put("added-by-hand", "yes");
            attributes.put("tags", changedTags);
        } else if (other != null) {
            attributes.put(other.name(), switch (other.normalization()) {
                case SCALAR -> 43_200;
                case SET -> List.of(Map.of("from_port", 22, "to_port", 22, "protocol", "tcp",
                        "cidr_blocks", List.of("0.0.0.0/0")));
                case JSON_DOCUMENT -> policy("s3:*", i);
                default -> "changed-by-hand-" + i;
            });
        }
        return attributes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Object value(AttributeRule rule, int i) {
        return switch (rule.normalization()) {
            case STRING -> rule.name() + "-" + (i % 1_000);
            case CASE_INSENSITIVE -> "Enabled";
            case SCALAR -> 3_600;
            case TAGS -> Map.of("Name", "resource-" + i, "team", "team-" + (i % 7), "env", "prod");
            case JSON_DOCUMENT -> policy("s3:GetObject", i);
            case SET -> rule.name().endsWith("_ids")
                    ? List.of("sg-" + (i % 50), "sg-shared")
                    : List.of(Map.of("from_port", 443, "to_port", 443, "protocol", "tcp",
                            "cidr_blocks", List.of("10.0.0.0/8")),
                    Map.of("from_port", 80, "to_port", 80, "protocol", "tcp", "cidr_blocks", List.of("10.0.0.0/8")));
            case BY_ID -> List.of(Map.of("id", "expire-" + (i % 3), "status", "Enabled",
                    "expiration", List.of(Map.of("days", 30))));
            case MAP -> Map.of("color", "blue", "size", "size-" + (i % 5));
        };
    }

    private static String policy(String action, int i) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"arn:aws:s3:::bucket-" + (i % 100) + "/*\"}]}";
    }
}
