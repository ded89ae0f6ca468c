package dev.driftdeck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.attribution.AttributionStatus;
import dev.driftdeck.attribution.ChangeEvent;
import dev.driftdeck.attribution.ChangedBy;
import dev.driftdeck.attribution.Via;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code changed_by} in the JSON report (the brief, section 15), the CSV's last column and the HTML report. */
class ChangedByInReportsTest {

    @Test
    void jsonHasChangedByOnEveryFindingEmptyWhenNoneOrUnknown() throws Exception {
        StringWriter out = new StringWriter();
        new JsonReportWriter().write(report(), out);
        JsonNode json = new ObjectMapper().readTree(out.toString());

        JsonNode web = json.get("differences").get(0).at("/res/changed_by");
        assertThat(web).hasSize(1);
        assertThat(web.get(0).get("principal").asText()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(web.get(0).get("event").asText()).isEqualTo("ModifyInstanceAttribute");
        assertThat(web.get(0).get("time").asText()).isEqualTo("2026-11-28T09:35:00Z");
        assertThat(web.get(0).get("source_ip").asText()).isEqualTo("203.0.113.7");
        assertThat(web.get(0).get("user_agent").asText()).isEqualTo("console.ec2.amazonaws.com");
        assertThat(web.get(0).get("via").asText()).isEqualTo("console");
        for (String list : List.of("managed", "unmanaged", "missing")) {
            json.get(list).forEach(finding -> assertThat(finding.get("changed_by")).as(list).isNotNull());
        }
        assertThat(json.get("missing").get(0).get("changed_by")).as("pending: not yet in CloudTrail").isEmpty();
        assertThat(json.get("differences").get(0).at("/changelog/0/from").asText())
                .as("driftctl's fields unchanged").isEqualTo("t3.micro");
    }

    @Test
    void csvEndsWithWhoChangedItAndHtmlSaysItAsOfTheScan() {
        StringWriter csv = new StringWriter();
        new CsvReportWriter().write(report(), csv);
        assertThat(csv.toString().lines().filter(row -> row.startsWith("CHANGED,aws_instance,i-0web")).findFirst()
                .orElseThrow()).endsWith(",alice via console at 2026-11-28T09:35:00Z (ModifyInstanceAttribute)");

        StringWriter html = new StringWriter();
        new HtmlReportWriter().write(report(), html);
        assertThat(html.toString()).contains("Changed by alice via console, 1 h ago")
                .contains("Not yet in CloudTrail");
    }

    @Test
    void theConsoleReportNamesWhoChangedItUnderTheFinding() {
        StringWriter out = new StringWriter();
        new ConsoleReportWriter().write(report(), out);

        List<String> lines = out.toString().lines().toList();
        int web = lines.indexOf(lines.stream().filter(line -> line.contains("(i-0web)")).findFirst().orElseThrow());
        assertThat(lines.subList(web + 1, lines.size())).contains(
                "      changed by alice via console, 2026-11-28 09:35 UTC (ModifyInstanceAttribute)");
        assertThat(lines.stream().filter(line -> line.contains("changed by"))).as("nobody named elsewhere").hasSize(1);
        assertThat(out.toString()).as("pending is the JSON's and HTML's to say, not every CI log line's")
                .doesNotContain("CloudTrail");
    }

    private static ScanReport report() {
        ScanReport mixed = ReportSamples.mixed();
        ChangeEvent alice = new ChangeEvent("e-1", "arn:aws:iam::123456789012:user/alice", "alice",
                "ModifyInstanceAttribute", mixed.finishedAt().minus(Duration.ofSeconds(3612)), "203.0.113.7",
                "console.ec2.amazonaws.com", Via.CONSOLE);
        List<Finding> findings = mixed.findings().stream().map(f -> "i-0web".equals(f.id())
                ? f.withChangedBy(ChangedBy.found(List.of(alice)))
                : f.status() == FindingStatus.MISSING ? f.withChangedBy(ChangedBy.of(AttributionStatus.PENDING, null)) : f)
                .toList();
        return new ScanReport(mixed.startedAt(), mixed.finishedAt(), mixed.sources(), findings, mixed.alerts(),
                mixed.apiCalls(), mixed.accounts(), mixed.regions());
    }
}
