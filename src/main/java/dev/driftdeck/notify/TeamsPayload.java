package dev.driftdeck.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Teams workflow-webhook message ("When a Teams webhook request is received"): an Adaptive Card in the
 * {@code attachments} envelope. Items are capped ({@link Notice#SHOWN_ITEMS}) to stay under Teams' message size.
 */
public final class TeamsPayload {

    private TeamsPayload() {
    }

    public static String of(Notice notice) {
        ObjectNode root = Json.object().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard").put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", notice.title()).put("weight", "Bolder")
                .put("size", "Medium").put("wrap", true);
        if (!notice.text().isBlank()) {
            body.addObject().put("type", "TextBlock").put("text", notice.text()).put("wrap", true);
        }
        for (DriftItem item : notice.shownItems()) {
            ArrayNode items = body.addObject().put("type", "Container").put("separator", true).putArray("items");
            items.addObject().put("type", "TextBlock").put("text", item.resource()).put("weight", "Bolder")
                    .put("wrap", true);
            ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
            fact(facts, "Status", item.statusLabel());
            if (item.severity() != null) {
                fact(facts, "Severity", item.severity().label());
            }
            if (!item.where().isEmpty()) {
                fact(facts, "Where", item.where());
            }
            if (!item.changes().isEmpty()) {
                fact(facts, "Change", Json.cut(item.summary(), 1000));
            }
            if (item.changedBy() != null) {
                fact(facts, "Changed by", item.changedBy());
            }
        }
        if (notice.moreItems() > 0) {
            body.addObject().put("type", "TextBlock").put("text", "…and " + notice.moreItems() + " more in Driftdeck")
                    .put("isSubtle", true);
        }
        return Json.write(root);
    }

    private static void fact(ArrayNode facts, String title, String value) {
        facts.addObject().put("title", title).put("value", value);
    }
}
