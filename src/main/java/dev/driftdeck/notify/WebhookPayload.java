package dev.driftdeck.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The generic webhook's JSON body, in the Standard Webhooks shape ({@code type}, {@code timestamp}, {@code data}).
 * Every item, uncapped: a program reads it, not a person.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    public static String of(Notice notice) {
        ObjectNode root = Json.object().put("type", notice.rule().eventType()).put("timestamp", notice.at().toString());
        ObjectNode data = root.putObject("data").put("title", notice.title()).put("text", notice.text());
        if (notice.severity() == null) {
            data.putNull("severity");
        } else {
            data.put("severity", notice.severity().name());
        }
        ArrayNode items = data.putArray("items");
        for (DriftItem item : notice.items()) {
            ObjectNode node = items.addObject().put("resource", item.resource()).put("type", item.type())
                    .put("id", item.id()).put("status", item.status().name()).put("account", item.account())
                    .put("region", item.region())
                    .put("severity", item.severity() == null ? null : item.severity().name());
            ArrayNode changes = node.putArray("summary");
            item.changes().forEach(changes::add);
            if (item.changedBy() != null) {
                node.put("changed_by", item.changedBy());
            }
        }
        return Json.write(root);
    }
}
