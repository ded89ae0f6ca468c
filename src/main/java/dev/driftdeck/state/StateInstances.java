package dev.driftdeck.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Turns one {@code resources[]} block of a format-4 state into {@link StateResource}s, one per current instance. */
final class StateInstances {

    private StateInstances() {
    }

    static void read(JsonNode resource, String sourceUri, List<StateResource> into) {
        if (!"managed".equals(resource.path("mode").asText())) {
            return; // data sources are read-only lookups, not something Terraform manages
        }
        String module = resource.path("module").asText("");
        String type = resource.path("type").asText();
        String name = resource.path("name").asText();
        for (JsonNode instance : resource.path("instances")) {
            if (instance.hasNonNull("deposed")) {
                continue; // an object awaiting destruction after create_before_destroy; the current one is live
            }
            // A tainted instance is still the live object (only scheduled for replacement), so it is kept.
            into.add(instance(sourceUri, module, type, name, instance));
        }
    }

    private static StateResource instance(String sourceUri, String module, String type, String name,
                                          JsonNode instance) {
        ObjectNode attributes = attributes(instance);
        SensitiveMasker.mask(type, attributes, instance.get("sensitive_attributes"));
        JsonNode id = attributes.path("id");
        return new StateResource(ResourceAddress.of(module, type, name, instance.get("index_key")), module, type,
                name, id.isValueNode() && !id.isNull() ? id.asText() : null, sourceUri, JsonValues.map(attributes));
    }

    /**
     * The instance's attributes; states upgraded from 0.11 keep {@code attributes_flat} (dotted keys such as
     * {@code tags.Name}, all strings) until the provider rewrites them, and those are taken as they are.
     */
    private static ObjectNode attributes(JsonNode instance) {
        if (instance.get("attributes") instanceof ObjectNode attributes) {
            return attributes;
        }
        if (instance.get("attributes_flat") instanceof ObjectNode flat) {
            return flat;
        }
        return JsonNodeFactory.instance.objectNode();
    }
}
