package dev.driftdeck.notify;

import java.util.stream.Collectors;

/**
 * A notice as an e-mail: the subject, a plain-text part and an HTML part (a table per resource; the digest reads
 * well in any mail client, no scripts, no remote images).
 */
public record MailContent(String subject, String text, String html) {

    public static MailContent of(Notice notice) {
        return new MailContent("[Driftdeck] " + notice.title(), text(notice), html(notice));
    }

    private static String text(Notice notice) {
        StringBuilder text = new StringBuilder(notice.title()).append("\n\n");
        if (!notice.text().isBlank()) {
            text.append(notice.text()).append("\n\n");
        }
        for (DriftItem item : notice.items()) {
            text.append("- ").append(item.resource()).append(" (").append(item.statusLabel());
            if (item.severity() != null) {
                text.append(", ").append(item.severity().label());
            }
            text.append(")");
            if (!item.where().isEmpty()) {
                text.append(" in ").append(item.where());
            }
            text.append('\n');
            item.changes().forEach(change -> text.append("    ").append(change).append('\n'));
            if (item.changedBy() != null) {
                text.append("    Changed by ").append(item.changedBy()).append('\n');
            }
        }
        return text.append("\n-- \nDriftdeck, ").append(notice.rule().eventType()).append(", ").append(notice.at())
                .append('\n').toString();
    }

    private static String html(Notice notice) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>""").append(escape(notice.title())).append("""
                </title></head><body style="font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#1f2328;max-width:760px">
                """);
        html.append("<h2 style=\"margin:0 0 8px\">").append(escape(notice.title())).append("</h2>\n");
        if (!notice.text().isBlank()) {
            html.append("<p>").append(escape(notice.text())).append("</p>\n");
        }
        if (!notice.items().isEmpty()) {
            // "Changed by" only when CloudTrail named someone: an empty column reads as "nobody".
            boolean actors = notice.items().stream().anyMatch(item -> item.changedBy() != null);
            html.append("""
                    <table cellpadding="6" cellspacing="0" style="border-collapse:collapse;width:100%;font-size:14px">
                    <tr style="background:#f6f8fa;text-align:left"><th>Resource</th><th>Status</th><th>Severity</th>\
                    <th>Where</th><th>Change</th>""").append(actors ? "<th>Changed by</th>" : "").append("</tr>\n");
            for (DriftItem item : notice.items()) {
                html.append("<tr style=\"border-top:1px solid #d0d7de;vertical-align:top\"><td><code>")
                        .append(escape(item.resource())).append("</code></td><td>").append(item.statusLabel())
                        .append("</td><td style=\"font-weight:600;color:").append(colour(item)).append("\">")
                        .append(item.severity() == null ? "" : item.severity().label()).append("</td><td>")
                        .append(escape(item.where())).append("</td><td>")
                        .append(item.changes().stream().map(MailContent::escape).collect(Collectors.joining("<br>")))
                        .append("</td>").append(!actors ? "" : "<td>" + (item.changedBy() == null ? ""
                                : escape(item.changedBy())) + "</td>").append("</tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("<p style=\"color:#59636e;font-size:12px\">Driftdeck · ").append(notice.rule().eventType())
                .append(" · ").append(notice.at()).append("</p>\n</body></html>\n").toString();
    }

    private static String colour(DriftItem item) {
        if (item.severity() == null) {
            return "#59636e";
        }
        return switch (item.severity()) {
            case CRITICAL -> "#a40e26";
            case HIGH -> "#d1242f";
            case MEDIUM -> "#9a6700";
            case LOW, INFO -> "#59636e";
        };
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
