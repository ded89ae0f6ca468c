package dev.driftdeck.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.risk.Risk;
import java.io.IOException;
import java.util.Locale;

/** {@code severity} and {@code risks} of one finding in the JSON report (the brief, section 13). */
final class RiskJson {

    private RiskJson() {
    }

    /** {@code "severity": "high"} (null without drift) and {@code "risks": [...]} ({@code []} when none). */
    static void write(Finding finding, JsonGenerator json) throws IOException {
        if (finding.severity() == null) {
            json.writeNullField("severity");
        } else {
            json.writeStringField("severity", finding.severity().name().toLowerCase(Locale.ROOT));
        }
        json.writeArrayFieldStart("risks");
        for (Risk risk : finding.risks()) {
            json.writeStartObject();
            json.writeStringField("rule", risk.rule());
            json.writeStringField("severity", risk.severity().name().toLowerCase(Locale.ROOT));
            json.writeStringField("drift", risk.effect().name().toLowerCase(Locale.ROOT));
            json.writeStringField("title", risk.title());
            json.writeStringField("why", risk.why());
            json.writeStringField("fix", risk.fix());
            json.writeArrayFieldStart("refs");
            for (String ref : risk.refs()) {
                json.writeString(ref);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** {@code DD-SG-001 high; DD-SG-004 critical (fixed)}: the risks on one line, for CSV and the console. */
    static String line(Finding finding) {
        StringBuilder text = new StringBuilder();
        for (Risk risk : finding.risks()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(risk.rule()).append(' ').append(risk.severity().name());
            if (!risk.introduced()) {
                text.append(" (fixed)");
            }
        }
        return text.toString();
    }
}
