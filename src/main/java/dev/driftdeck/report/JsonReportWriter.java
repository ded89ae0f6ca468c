package dev.driftdeck.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.CanonicalJson;
import dev.driftdeck.drift.Coverage;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.TerraformAddress;
import dev.driftdeck.meaning.ChangeSummaries;
import dev.driftdeck.drift.SourceCoverage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Writes the JSON report of the brief (section 6): a superset of driftctl's format, streamed so a 100,000-finding
 * scan never builds a tree in memory. Empty lists are {@code []}, never {@code null}.
 */
public final class JsonReportWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    public void write(ScanReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(report, json);
        }
    }

    /** Writes to a character stream, leaving it open. */
    public void write(ScanReport report, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(report, json);
        }
    }

    private static void write(ScanReport report, JsonGenerator json) throws IOException {
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        writeSummary(report, json);
        writeFindings("managed", report, f -> f.status() == FindingStatus.IN_SYNC || f.status() == FindingStatus.CHANGED, json);
        writeFindings("unmanaged", report, f -> f.status() == FindingStatus.UNMANAGED, json);
        writeFindings("missing", report, f -> f.status() == FindingStatus.MISSING, json);
        writeFindings("ignored", report, f -> f.status() == FindingStatus.IGNORED, json);
        writeDifferences(report, json);
        writeNotChecked(report, json);
        Coverage coverage = report.coverage();
        json.writeNumberField("coverage", coverage.percent());
        json.writeNumberField("coverage_exact", coverage.exact());
        writeAlerts(report.alerts(), json);
        writeSources(report, json);
        json.writeStringField("provider_name", "aws");
        json.writeNumberField("scan_duration", report.duration().toSeconds());
        json.writeStringField("date", report.finishedAt().toString());
        json.writeObjectFieldStart("api_calls");
        for (var entry : new TreeMap<>(report.apiCalls()).entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeSummary(ScanReport report, JsonGenerator json) throws IOException {
        Coverage coverage = report.coverage();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("total_resources", coverage.managed() + coverage.unmanaged() + coverage.missing());
        json.writeNumberField("total_managed", coverage.managed());
        json.writeNumberField("total_changed", report.count(FindingStatus.CHANGED));
        json.writeNumberField("total_unmanaged", coverage.unmanaged());
        json.writeNumberField("total_missing", coverage.missing());
        json.writeNumberField("total_iac_source_count", report.sources().size());
        json.writeNumberField("total_not_checked", report.count(FindingStatus.NOT_CHECKED));
        json.writeNumberField("total_ignored", report.count(FindingStatus.IGNORED));
        json.writeEndObject();
    }

    private static void writeFindings(String field, ScanReport report, Predicate<Finding> which, JsonGenerator json)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (Finding finding : report.findings()) {
            if (which.test(finding)) {
                json.writeStartObject();
                writeIdentity(finding, json);
                json.writeStringField("account", finding.account());
                json.writeStringField("region", finding.region());
                if (finding.address() != null) {
                    writeSource(finding, json);
                }
                RiskJson.write(finding, json);
                ChangedByJson.write(finding, json);
                if (finding.note() != null) {
                    json.writeStringField("note", finding.note());
                }
                if (!finding.notInState().isEmpty()) {
                    json.writeArrayFieldStart("not_in_state");
                    for (String attribute : finding.notInState()) {
                        json.writeString(attribute);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private static void writeIdentity(Finding finding, JsonGenerator json) throws IOException {
        json.writeStringField("id", finding.id());
        json.writeStringField("type", finding.type());
        if (finding.address() != null) {
            json.writeStringField("address", finding.address());
        }
    }

    private static void writeSource(Finding finding, JsonGenerator json) throws IOException {
        TerraformAddress address = TerraformAddress.parse(finding.address());
        json.writeObjectFieldStart("source");
        json.writeStringField("source", sourceName(finding.source()));
        json.writeStringField("namespace", address.namespace());
        json.writeStringField("internal_name", address.internalName());
        json.writeEndObject();
    }

    /** Per state source: what was read and how much of it is covered (a Driftdeck addition). */
    private static void writeSources(ScanReport report, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("sources");
        for (SourceCoverage source : SourceCoverage.of(report)) {
            json.writeStartObject();
            json.writeStringField("source", sourceName(source.source().uri()));
            if (source.source().serial() != null) {
                json.writeNumberField("serial", source.source().serial());
            }
            json.writeStringField("lineage", source.source().lineage());
            json.writeNumberField("resource_count", source.source().resourceCount());
            json.writeNumberField("managed", source.managed());
            json.writeNumberField("changed", source.changed());
            json.writeNumberField("missing", source.missing());
            json.writeNumberField("not_checked", source.notChecked());
            json.writeNumberField("ignored", source.ignored());
            // null, not a number, when nothing of the source was checked (it failed, or all NOT_CHECKED).
            if (source.percent().isPresent()) {
                json.writeNumberField("coverage", source.percent().getAsInt());
            } else {
                json.writeNullField("coverage");
            }
            if (source.source().error() != null) {
                json.writeStringField("error", source.source().error());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** driftctl names sources {@code tfstate://path} and {@code tfstate+s3://bucket/key}. */
    static String sourceName(String uri) {
        if (uri == null) {
            return "";
        }
        return uri.contains("://") ? "tfstate+" + uri : "tfstate://" + uri;
    }

    private static void writeDifferences(ScanReport report, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("differences");
        for (Finding finding : report.findings()) {
            if (finding.status() != FindingStatus.CHANGED) {
                continue;
            }
            json.writeStartObject();
            json.writeObjectFieldStart("res");
            writeIdentity(finding, json);
            RiskJson.write(finding, json);
            ChangedByJson.write(finding, json);
            json.writeEndObject();
            json.writeArrayFieldStart("changelog");
            for (AttributeDiff diff : finding.diffs()) {
                json.writeStartObject();
                json.writeStringField("type", switch (diff.kind()) {
                    case ADDED -> "create";
                    case REMOVED -> "delete";
                    case CHANGED -> "update";
                });
                json.writeArrayFieldStart("path");
                for (String segment : diff.path()) {
                    json.writeString(segment);
                }
                json.writeEndArray();
                json.writeFieldName("from");
                json.writeObject(diff.expected() == null ? null : CanonicalJson.parse(diff.expected()));
                json.writeFieldName("to");
                json.writeObject(diff.actual() == null ? null : CanonicalJson.parse(diff.actual()));
                json.writeStringField("summary", ChangeSummaries.of(finding.type(), diff).text());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Failed listings (from their alerts) and every NOT_CHECKED resource, each with its reason. */
    private static void writeNotChecked(ScanReport report, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("not_checked");
        for (Alert alert : report.alerts()) {
            if (alert.type() != null && alert.account() != null && alert.region() != null) {
                json.writeStartObject();
                json.writeStringField("type", alert.type());
                json.writeStringField("account", alert.account());
                json.writeStringField("region", alert.region());
                json.writeStringField("reason", alert.message());
                json.writeEndObject();
            }
        }
        for (Finding finding : report.findings()) {
            if (finding.status() == FindingStatus.NOT_CHECKED) {
                json.writeStartObject();
                writeIdentity(finding, json);
                json.writeStringField("account", finding.account());
                json.writeStringField("region", finding.region());
                json.writeStringField("reason", finding.note());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private static void writeAlerts(List<Alert> alerts, JsonGenerator json) throws IOException {
        Map<String, List<Alert>> byType = new TreeMap<>();
        for (Alert alert : alerts) {
            byType.computeIfAbsent(alert.type() == null ? "" : alert.type(), t -> new java.util.ArrayList<>()).add(alert);
        }
        json.writeObjectFieldStart("alerts");
        for (var entry : byType.entrySet()) {
            json.writeArrayFieldStart(entry.getKey());
            for (Alert alert : entry.getValue()) {
                json.writeStartObject();
                json.writeStringField("message", alert.message());
                if (alert.iamAction() != null) {
                    json.writeStringField("iam_action", alert.iamAction());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
