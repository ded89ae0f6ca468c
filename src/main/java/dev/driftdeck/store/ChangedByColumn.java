package dev.driftdeck.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftdeck.attribution.AttributionStatus;
import dev.driftdeck.attribution.ChangeEvent;
import dev.driftdeck.attribution.ChangedBy;
import dev.driftdeck.attribution.Via;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code changed_by} column of {@code findings} (V10). */
final class ChangedByColumn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangedByColumn() {
    }

    /** Null when nothing was looked up: no text stored for nothing. */
    static String toJson(ChangedBy changedBy) {
        if (changedBy.status() == AttributionStatus.NOT_LOOKED_UP && changedBy.detail() == null) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("status", changedBy.status().name());
        root.put("detail", changedBy.detail());
        ArrayNode events = root.putArray("events");
        for (ChangeEvent event : changedBy.events()) {
            events.addObject()
                    .put("id", event.eventId())
                    .put("principal", event.principal())
                    .put("name", event.name())
                    .put("event", event.event())
                    .put("time", event.time().toString())
                    .put("source_ip", event.sourceIp())
                    .put("user_agent", event.userAgent())
                    .put("via", event.via().label());
        }
        return root.toString();
    }

    static ChangedBy fromJson(String json, String where) {
        if (json == null) {
            return ChangedBy.notLookedUp();
        }
        try {
            JsonNode root = JSON.readTree(json);
            List<ChangeEvent> events = new ArrayList<>();
            for (JsonNode event : root.path("events")) {
                events.add(new ChangeEvent(text(event, "id"), text(event, "principal"), text(event, "name"),
                        text(event, "event"), Instant.parse(text(event, "time")), text(event, "source_ip"),
                        text(event, "user_agent"), Via.ofLabel(text(event, "via"))));
            }
            return new ChangedBy(AttributionStatus.valueOf(text(root, "status")), events, text(root, "detail"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new DatabaseException("Stored value in " + where + " is not who changed a finding: " + json
                    + ". The database was changed outside Driftdeck.", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
