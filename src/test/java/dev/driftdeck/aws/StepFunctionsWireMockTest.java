package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step Functions state machines. Terraform cannot apply one to moto 5.2.1: provider 5.100.0 validates the definition
 * with ValidateStateMachineDefinition at plan time, an action moto does not implement (the plan retries it for ever).
 * So WireMock answers ListStateMachines, DescribeStateMachine and ListTagsForResource with the JSON the Step Functions
 * API reference documents (AWS JSON 1.0, {@code X-Amz-Target: AWSStepFunctions.<Action>}), and states in the
 * provider 5.100.0 schema's shape are reconciled with what the collector makes of it.
 */
class StepFunctionsWireMockTest {

    private static final String PREFIX = "arn:aws:states:us-east-1:123456789012:stateMachine:";
    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final String DEFINITION = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}";

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        stub("ListStateMachines", null, "{\"stateMachines\":["
                + listed("orders") + "," + listed("refunds") + "," + listed("by-hand") + "]}");
        // orders: as Terraform made it. refunds: edited in the console (definition, logging, a tag).
        stub("DescribeStateMachine", "orders", described("orders", DEFINITION,
                "{\"level\":\"OFF\",\"includeExecutionData\":false}"));
        stub("DescribeStateMachine", "refunds", described("refunds",
                DEFINITION.replace("\"Pass\"", "\"Succeed\"").replace(",\"End\":true", ""),
                "{\"level\":\"ALL\",\"includeExecutionData\":true,\"destinations\":[{\"cloudWatchLogsLogGroup\":"
                        + "{\"logGroupArn\":\"arn:aws:logs:us-east-1:123456789012:log-group:sfn:*\"}}]}"));
        stub("ListTagsForResource", "orders", "{\"tags\":[{\"key\":\"ManagedBy\",\"value\":\"terraform\"}]}");
        stub("ListTagsForResource", "refunds", "{\"tags\":[{\"key\":\"ManagedBy\",\"value\":\"terraform\"},"
                + "{\"key\":\"Team\",\"value\":\"ops\"}]}");
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void consoleEditsADeletionAndAHandMadeMachineAreReportedExactly() {
        Map<String, Finding> findings = reconcile();

        TreeSet<String> drift = new TreeSet<>();
        findings.forEach((who, finding) -> {
            if (finding.status() == FindingStatus.CHANGED) {
                finding.diffs().forEach(diff -> drift.add("CHANGED " + who + " " + diff.dottedPath()));
            } else if (finding.status() != FindingStatus.IN_SYNC) {
                drift.add(finding.status() + " " + who);
            }
        });
        assertThat(drift).containsExactly(
                "CHANGED aws_sfn_state_machine.refunds definition",
                "CHANGED aws_sfn_state_machine.refunds logging_configuration",
                "CHANGED aws_sfn_state_machine.refunds tags.Team",
                "MISSING aws_sfn_state_machine.deleted",
                "UNMANAGED aws_sfn_state_machine " + PREFIX + "by-hand");
        assertThat(findings.get("aws_sfn_state_machine.orders").status()).isEqualTo(FindingStatus.IN_SYNC);
    }

    @Test
    void anUnmanagedMachineCostsNoDetailCall() {
        reconcile();

        aws.verify(1, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSStepFunctions.ListStateMachines")));
        aws.verify(2, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSStepFunctions.DescribeStateMachine")));
        aws.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing(PREFIX + "by-hand")));
    }

    private static String listed(String name) {
        return "{\"stateMachineArn\":\"" + PREFIX + name + "\",\"name\":\"" + name + "\",\"type\":\"STANDARD\","
                + "\"creationDate\":1.7040672E9}";
    }

    private static String described(String name, String definition, String logging) {
        return "{\"stateMachineArn\":\"" + PREFIX + name + "\",\"name\":\"" + name + "\",\"status\":\"ACTIVE\","
                + "\"definition\":" + quoted(definition) + ",\"roleArn\":\"" + ROLE + "\",\"type\":\"STANDARD\","
                + "\"creationDate\":1.7040672E9,\"loggingConfiguration\":" + logging + ","
                + "\"tracingConfiguration\":{\"enabled\":false},"
                + "\"encryptionConfiguration\":{\"type\":\"AWS_OWNED_KEY\"},\"revisionId\":\"r1\"}";
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }

    private void stub(String action, String machine, String body) {
        var request = post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + action));
        if (machine != null) {
            request = request.withRequestBody(containing(PREFIX + machine + "\""));
        }
        aws.stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withBody(body)));
    }

    /** Lists the type as a scan of the state does and reconciles; findings by address or "type id". */
    private Map<String, Finding> reconcile() {
        StateSnapshot state = state();
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        List<ListingOutcome> outcomes = new ArrayList<>();
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            Collector collector = Collectors.forType(StepFunctionsCollectors.STATE_MACHINE).orElseThrow();
            outcomes.add(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION,
                    collector.type()), collector.list(new CollectorContext(session, MotoAws.ACCOUNT, MotoAws.REGION,
                    false, managed))));
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /** The state provider 5.100.0 writes for three machines (every schema attribute, unset ones empty). */
    private static StateSnapshot state() {
        List<StateResource> resources = new ArrayList<>();
        for (String name : List.of("orders", "refunds", "deleted")) {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("id", PREFIX + name);
            attributes.put("arn", PREFIX + name);
            attributes.put("name", name);
            attributes.put("name_prefix", "");
            attributes.put("definition", DEFINITION);
            attributes.put("role_arn", ROLE);
            attributes.put("type", "STANDARD");
            attributes.put("publish", false);
            attributes.put("logging_configuration", List.of(Map.of("include_execution_data", false,
                    "level", "OFF", "log_destination", "")));
            attributes.put("tracing_configuration", List.of(Map.of("enabled", false)));
            attributes.put("encryption_configuration", List.of(Map.of("kms_data_key_reuse_period_seconds", 0,
                    "kms_key_id", "", "type", "AWS_OWNED_KEY")));
            attributes.put("tags", Map.of());
            attributes.put("tags_all", Map.of("ManagedBy", "terraform"));
            String type = StepFunctionsCollectors.STATE_MACHINE;
            resources.add(new StateResource(type + "." + name, "", type, name, PREFIX + name, "hand.tfstate", attributes));
        }
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", resources);
    }
}
