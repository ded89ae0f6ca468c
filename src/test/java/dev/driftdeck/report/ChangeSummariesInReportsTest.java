package dev.driftdeck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every writer says what a change means, in the same words; the raw values stay where tools read them. */
class ChangeSummariesInReportsTest {

    private static final String HTTPS = """
            {"cidr_blocks":["0.0.0.0/0"],"from_port":443,"protocol":"tcp","self":false,"to_port":443}""";
    private static final String SSH = """
            {"cidr_blocks":["0.0.0.0/0"],"from_port":22,"protocol":"tcp","self":false,"to_port":22}""";

    private static ScanReport changedGroup() {
        Finding group = new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-0web", "aws_security_group.web",
                ReportSamples.ACCOUNT, "eu-west-1", ReportSamples.SOURCE, List.of(
                new AttributeDiff(List.of("ingress"), "[" + HTTPS + "]", "[" + HTTPS + "," + SSH + "]", DiffKind.CHANGED),
                new AttributeDiff(List.of("tags", "Owner"), "\"a\"", "\"b\"", DiffKind.CHANGED),
                new AttributeDiff(List.of("tags", "Temp"), "\"x\"", null, DiffKind.REMOVED)), null);
        return new ScanReport(ReportSamples.START, ReportSamples.START.plusSeconds(3),
                List.of(new SourceSummary(ReportSamples.SOURCE, 7L, "abc", 1, null)), List.of(group), List.of(),
                Map.of(), List.of(ReportSamples.ACCOUNT), List.of("eu-west-1"));
    }

    @Test
    void jsonGivesEachChangelogEntryASummaryAndKeepsFromAndTo() throws Exception {
        StringWriter out = new StringWriter();
        new JsonReportWriter().write(changedGroup(), out);
        JsonNode changelog = new ObjectMapper().readTree(out.toString()).at("/differences/0/changelog");

        assertThat(changelog.get(0).get("summary").asText()).isEqualTo("ingress added: tcp 22 from 0.0.0.0/0");
        assertThat(changelog.get(0).get("from").isArray()).as("driftctl's from/to unchanged").isTrue();
        assertThat(changelog.get(0).get("to").get(1).get("from_port").asInt()).isEqualTo(22);
        assertThat(changelog.get(1).get("summary").asText()).isEqualTo("tag Owner changed: a → b");
        assertThat(changelog.get(2).get("summary").asText()).isEqualTo("tag Temp removed");
        assertThat(changelog.get(2).get("to").isNull()).isTrue();
    }

    @Test
    void consolePrintsOneMarkedLinePerChangeInsteadOfTheBlobs() {
        StringWriter out = new StringWriter();
        new ConsoleReportWriter().write(changedGroup(), out);

        assertThat(out.toString()).contains("""
                  - MEDIUM  aws_security_group.web (sg-0web)  [123456789012/eu-west-1]
                      + ingress added: tcp 22 from 0.0.0.0/0
                      ~ tag Owner changed: a → b
                      - tag Temp removed
                """.replace("\n", System.lineSeparator())).doesNotContain("cidr_blocks");
    }

    @Test
    void csvHasASummaryColumn() {
        StringWriter out = new StringWriter();
        new CsvReportWriter().write(changedGroup(), out);
        List<String> rows = out.toString().lines().toList();

        assertThat(rows.getFirst()).endsWith(",kind,note,summary,severity,risks,changed_by");
        assertThat(rows.get(1)).startsWith("CHANGED,aws_security_group,sg-0web,").contains(",CHANGED,,ingress added: tcp 22 from 0.0.0.0/0,MEDIUM,");
        assertThat(rows.get(3)).contains(",REMOVED,,tag Temp removed,MEDIUM,");
    }

    @Test
    void htmlShowsTheSummaryBesideTheRawValuesAndSearchesIt() {
        StringWriter out = new StringWriter();
        new HtmlReportWriter().write(changedGroup(), out);
        String html = out.toString();

        assertThat(html).contains("<th>Change</th>")
                .contains("<td class=\"change\">ingress added: tcp 22 from 0.0.0.0/0</td><td>ingress</td><td><code>")
                .contains("<td class=\"change\">tag Owner changed: a → b</td>")
                .containsPattern("data-search=\"[^\"]*ingress added: tcp 22 from 0\\.0\\.0\\.0/0[^\"]*\"");
    }
}
