package dev.driftdeck.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Slack incoming-webhook message: Block Kit {@code blocks} and the fallback {@code text} that notifications and
 * old clients show. Within Slack's limits: at most 50 blocks, 3,000 characters per section text, 150 per header.
 */
public final class SlackPayload {

    private SlackPayload() {
    }

    public static String of(Notice notice) {
        ObjectNode root = Json.object();
        root.put("text", Json.cut(notice.title() + ". " + notice.text(), 3000));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", Json.cut(notice.title(), 150));
        if (!notice.text().isBlank()) {
            section(blocks, escape(notice.text()));
        }
        for (DriftItem item : notice.shownItems()) {
            section(blocks, item(item));
        }
        if (notice.moreItems() > 0) {
            section(blocks, "…and " + notice.moreItems() + " more in Driftdeck");
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "Driftdeck · " + notice.rule().eventType() + " · " + notice.at());
        return Json.write(root);
    }

    private static String item(DriftItem item) {
        StringBuilder text = new StringBuilder();
        text.append('*').append(escape(item.resource())).append("* · ").append(item.statusLabel());
        if (item.severity() != null) {
            text.append(" · ").append(item.severity().label());
        }
        if (!item.where().isEmpty()) {
            text.append("\n").append(escape(item.where()));
        }
        for (String change : item.changes()) {
            text.append("\n• ").append(escape(change));
        }
        if (item.changedBy() != null) {
            text.append("\nChanged by ").append(escape(item.changedBy()));
        }
        return text.toString();
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", Json.cut(mrkdwn, 3000));
    }

    /** Slack's mrkdwn escapes exactly these three. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
