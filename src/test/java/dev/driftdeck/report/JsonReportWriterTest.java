package dev.driftdeck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SourceSummary;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static final Instant START = Instant.parse("2026-11-28T10:35:00Z");

    @Test
    void writesTheBriefsShapeWithDriftctlFields() throws Exception {
        ScanReport report = new ScanReport(START, START.plusSeconds(12),
                List.of(new SourceSummary("states/prod.tfstate", 7L, "abc", 3, null)),
                List.of(
                        finding(FindingStatus.IN_SYNC, "i-1", "module.app.aws_instance.web[0]", List.of()),
                        finding(FindingStatus.CHANGED, "i-2", "aws_instance.api", List.of(
                                new AttributeDiff(List.of("instance_type"), "\"t3.micro\"", "\"t3.large\"", DiffKind.CHANGED),
                                new AttributeDiff(List.of("tags", "Owner"), "\"ops\"", null, DiffKind.REMOVED))),
                        finding(FindingStatus.MISSING, "i-3", "aws_sqs_queue.q[\"orders.eu\"]", List.of()),
                        new Finding(FindingStatus.UNMANAGED, "aws_instance", "i-9", null, "123456789012", "us-east-1",
                                null, List.of(), null)),
                List.of(new Alert("aws_ebs_volume", "123456789012", "eu-west-1", "access denied", "ec2:DescribeVolumes")),
                Map.of("ec2", 14L, "s3", 9L), List.of("123456789012"), List.of("us-east-1"));

        JsonNode json = write(report);

        assertThat(json.at("/summary/total_resources").asInt()).isEqualTo(4);
        assertThat(json.at("/summary/total_managed").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/total_changed").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/total_missing").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/total_unmanaged").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/total_iac_source_count").asInt()).isEqualTo(1);
        assertThat(json.at("/coverage").asInt()).isEqualTo(50);
        assertThat(json.at("/managed/0/address").asText()).isEqualTo("module.app.aws_instance.web[0]");
        assertThat(json.at("/managed/0/source/source").asText()).isEqualTo("tfstate://states/prod.tfstate");
        assertThat(json.at("/managed/0/source/namespace").asText()).isEqualTo("module.app");
        assertThat(json.at("/managed/0/source/internal_name").asText()).isEqualTo("web");
        assertThat(json.at("/missing/0/source/internal_name").asText()).isEqualTo("q");
        assertThat(json.at("/unmanaged/0/id").asText()).isEqualTo("i-9");
        assertThat(json.at("/differences/0/res/id").asText()).isEqualTo("i-2");
        assertThat(json.at("/differences/0/changelog/0/type").asText()).isEqualTo("update");
        assertThat(json.at("/differences/0/changelog/0/path/0").asText()).isEqualTo("instance_type");
        assertThat(json.at("/differences/0/changelog/0/from").asText()).isEqualTo("t3.micro");
        assertThat(json.at("/differences/0/changelog/0/to").asText()).isEqualTo("t3.large");
        assertThat(json.at("/differences/0/changelog/1/type").asText()).isEqualTo("delete");
        assertThat(json.at("/differences/0/changelog/1/to").isNull()).isTrue();
        assertThat(json.at("/not_checked/0/type").asText()).isEqualTo("aws_ebs_volume");
        assertThat(json.at("/alerts/aws_ebs_volume/0/iam_action").asText()).isEqualTo("ec2:DescribeVolumes");
        assertThat(json.at("/provider_name").asText()).isEqualTo("aws");
        assertThat(json.at("/scan_duration").asInt()).isEqualTo(12);
        assertThat(json.at("/date").asText()).isEqualTo("2026-11-28T10:35:12Z");
        assertThat(json.at("/api_calls/ec2").asInt()).isEqualTo(14);
        assertThat(json.at("/sources/0/source").asText()).isEqualTo("tfstate://states/prod.tfstate");
        assertThat(json.at("/sources/0/serial").asInt()).isEqualTo(7);
        // The source's own share: 2 found live (1 changed), 1 missing; the unmanaged one belongs to no source.
        assertThat(json.at("/sources/0/managed").asInt()).isEqualTo(2);
        assertThat(json.at("/sources/0/changed").asInt()).isEqualTo(1);
        assertThat(json.at("/sources/0/missing").asInt()).isEqualTo(1);
        assertThat(json.at("/sources/0/coverage").asInt()).isEqualTo(66);
    }

    @Test
    void namesTheComparedAttributesTheStateHadNoValueFor() throws Exception {
        Finding olderProvider = new Finding(FindingStatus.IN_SYNC, "aws_instance", "i-1", "aws_instance.old",
                "123456789012", "us-east-1", "states/prod.tfstate", List.of(), null, List.of("tags", "ebs_optimized"));
        ScanReport report = new ScanReport(START, START, List.of(new SourceSummary("states/prod.tfstate", 7L, "abc", 2, null)),
                List.of(olderProvider, finding(FindingStatus.IN_SYNC, "i-2", "aws_instance.new", List.of())),
                List.of(), Map.of(), List.of("123456789012"), List.of("us-east-1"));

        JsonNode json = write(report);

        assertThat(json.at("/managed/0/not_in_state").isArray()).isTrue();
        assertThat(json.at("/managed/0/not_in_state/0").asText()).isEqualTo("tags");
        assertThat(json.at("/managed/0/not_in_state/1").asText()).isEqualTo("ebs_optimized");
        assertThat(json.at("/managed/1").has("not_in_state")).as("everything compared: no field").isFalse();
    }

    @Test
    void aSourceThatCouldNotBeReadHasNoCoverageFigureButTheScanKeepsItsInteger() throws Exception {
        ScanReport report = new ScanReport(START, START,
                List.of(new SourceSummary("states/prod.tfstate", 7L, "abc", 1, null),
                        new SourceSummary("states/broken.tfstate", null, null, 0,
                                "State states/broken.tfstate is not valid JSON: the file ends early."),
                        new SourceSummary("states/denied.tfstate", 2L, "def", 1, null)),
                List.of(finding(FindingStatus.IN_SYNC, "i-1", "aws_instance.web", List.of()),
                        new Finding(FindingStatus.NOT_CHECKED, "aws_ebs_volume", "vol-1", "aws_ebs_volume.data",
                                null, null, "states/denied.tfstate", List.of(), "access denied")),
                List.of(), Map.of(), List.of("123456789012"), List.of("us-east-1"));

        JsonNode json = write(report);

        assertThat(json.at("/sources/0/coverage").asInt()).isEqualTo(100);
        assertThat(json.at("/sources/1/coverage").isNull()).as("not 100: nothing of it was read").isTrue();
        assertThat(json.at("/sources/1/error").asText()).startsWith("State states/broken.tfstate is not valid JSON");
        assertThat(json.at("/sources/2/coverage").isNull()).as("read, but none of it could be checked").isTrue();
        assertThat(json.at("/coverage").isInt()).isTrue();
        assertThat(json.at("/coverage").asInt()).isEqualTo(100);
    }

    @Test
    void emptyListsAreEmptyArraysNeverNull() throws Exception {
        ScanReport empty = new ScanReport(START, START, List.of(), List.of(), List.of(), Map.of(), List.of(), List.of());

        JsonNode json = write(empty);

        for (String field : List.of("managed", "unmanaged", "missing", "differences", "not_checked")) {
            assertThat(json.get(field).isArray()).as(field).isTrue();
            assertThat(json.get(field)).as(field).isEmpty();
        }
        assertThat(json.at("/coverage").asInt()).isEqualTo(100);
    }

    @Test
    void csvQuotesCommasAndDefusesFormulas() {
        ScanReport report = new ScanReport(START, START, List.of(), List.of(new Finding(FindingStatus.UNMANAGED,
                "aws_iam_user", "=cmd|calc", null, "1", "global", null, List.of(), "a, b")), List.of(), Map.of(),
                List.of(), List.of());
        StringWriter out = new StringWriter();

        new CsvReportWriter().write(report, out);

        assertThat(out.toString()).contains("UNMANAGED,aws_iam_user,'=cmd|calc,,1,global,,,,,,\"a, b\"");
    }

    @Test
    void everyFindingCarriesItsSeverityAndRisksWithAnEmptyListWhenNone() throws Exception {
        Finding opened = finding(FindingStatus.CHANGED, "sg-1", "aws_security_group.web", List.of(
                new AttributeDiff(List.of("ingress"), "[]", "[{}]", DiffKind.CHANGED)))
                .withRisks(List.of(new Risk("DD-SG-001", Severity.HIGH, "SSH (22) open to the internet (0.0.0.0/0)",
                        "why", "fix", List.of("EC2.13", "CIS 5.2"), Risk.Effect.INTRODUCED)));
        ScanReport report = new ScanReport(START, START.plusSeconds(1), List.of(),
                List.of(finding(FindingStatus.IN_SYNC, "i-1", "aws_instance.web", List.of()), opened,
                        new Finding(FindingStatus.UNMANAGED, "aws_instance", "i-9", null, "123456789012", "us-east-1",
                                null, List.of(), null)),
                List.of(), Map.of(), List.of("123456789012"), List.of("us-east-1"));

        JsonNode json = write(report);

        assertThat(json.at("/managed/0/severity").isNull()).isTrue();
        assertThat(json.at("/managed/0/risks").isArray()).isTrue();
        assertThat(json.at("/managed/0/risks")).isEmpty();
        assertThat(json.at("/managed/1/severity").asText()).isEqualTo("high");
        assertThat(json.at("/managed/1/risks/0/rule").asText()).isEqualTo("DD-SG-001");
        assertThat(json.at("/managed/1/risks/0/drift").asText()).isEqualTo("introduced");
        assertThat(json.at("/managed/1/risks/0/refs/0").asText()).isEqualTo("EC2.13");
        assertThat(json.at("/differences/0/res/severity").asText()).isEqualTo("high");
        assertThat(json.at("/differences/0/res/risks/0/rule").asText()).isEqualTo("DD-SG-001");
        assertThat(json.at("/unmanaged/0/severity").asText()).isEqualTo("low");
        assertThat(json.at("/unmanaged/0/risks")).isEmpty();
    }

    private static Finding finding(FindingStatus status, String id, String address, List<AttributeDiff> diffs) {
        return new Finding(status, "aws_instance", id, address, "123456789012", "us-east-1", "states/prod.tfstate", diffs, null);
    }

    private static JsonNode write(ScanReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }
}
