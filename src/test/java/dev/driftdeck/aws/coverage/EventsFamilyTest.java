package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.report.ExportFormat;
import dev.driftdeck.testing.PrivateMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * EventBridge buses, rules and targets, SSM documents, Secrets Manager secret versions (metadata only), Lambda
 * aliases, URLs and event source mappings, CloudTrail and CloudFormation end to end: real Terraform applies
 * {@code fixtures/terraform/events} to moto, a scan finds it all in sync, and console-style edits, deletions and
 * hand-made additions are reported exactly. Step Functions state machines are not applied (the provider validates
 * the definition with an action moto lacks): {@code StepFunctionsWireMockTest} covers them.
 */
@PrivateMoto
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventsFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_cloudwatch_event_bus", "aws_cloudwatch_event_rule",
            "aws_cloudwatch_event_target", "aws_ssm_document", "aws_secretsmanager_secret_version",
            "aws_lambda_alias", "aws_lambda_function_url", "aws_lambda_event_source_mapping", "aws_cloudtrail",
            "aws_cloudformation_stack");

    /** Covered by StepFunctionsWireMockTest, not by a Terraform apply. */
    static final Set<String> NOT_ON_MOTO = Set.of("aws_sfn_state_machine");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("events");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
    }

    @Test
    @Order(2)
    void noSecretValueIsEverReadNorStored(@TempDir Path dir) throws Exception {
        ScanReport report = fixture.scan();

        List<String> calls = fixture.sessions.stream().flatMap(s -> s.counter().operations().stream()).toList();
        assertThat(calls).as("the scans listed secret versions").contains("secretsmanager:ListSecretVersionIds")
                .noneMatch(call -> call.contains("SecretValue"));
        Path json = dir.resolve("scan.json");
        ExportFormat.JSON.writeFile(report, json);
        assertThat(Files.readString(json)).as("the planted values, neither from the state nor from AWS")
                .contains("aws_secretsmanager_secret_version").doesNotContain("planted-secret-value");
        assertThat(report.findings().toString()).doesNotContain("planted-secret-value");
    }

    @Test
    @Order(3)
    void consoleEditsDeletionsAndHandMadeResourcesAreReportedExactly() {
        List<String> expected = EventsFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
        assertThat(report.findings().toString()).doesNotContain("planted-secret-value").doesNotContain("by-hand-value");
    }
}
