package dev.driftdeck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.driftdeck.attribution.ChangeEvent;
import dev.driftdeck.drift.Finding;
import java.io.IOException;

/**
 * {@code changed_by} of one finding in the JSON report (the brief, section 15): the write events on its resource,
 * newest first, {@code []} when none or unknown. {@code principal_name} is a Driftdeck addition (the user or role
 * session in one word).
 */
final class ChangedByJson {

    private ChangedByJson() {
    }

    static void write(Finding finding, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("changed_by");
        for (ChangeEvent event : finding.changedBy().events()) {
            json.writeStartObject();
            json.writeStringField("principal", event.principal());
            json.writeStringField("principal_name", event.name());
            json.writeStringField("event", event.event());
            json.writeStringField("time", event.time().toString());
            json.writeStringField("source_ip", event.sourceIp());
            json.writeStringField("user_agent", event.userAgent());
            json.writeStringField("via", event.via().label());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** {@code alice via console at 2026-12-06T10:00:00Z (AuthorizeSecurityGroupIngress); ...}: for CSV, newest first. */
    static String line(Finding finding) {
        StringBuilder text = new StringBuilder();
        for (ChangeEvent event : finding.changedBy().events()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(event.name()).append(" via ").append(event.via().label()).append(" at ").append(event.time())
                    .append(" (").append(event.event()).append(')');
        }
        return text.toString();
    }
}
