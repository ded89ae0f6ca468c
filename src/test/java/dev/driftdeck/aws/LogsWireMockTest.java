package dev.driftdeck.aws;

import dev.driftdeck.testing.DriftLines;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
 * Saved Logs Insights queries, data protection policies, account policies and anomaly detectors. moto 5.2.1 has none
 * of DescribeQueryDefinitions, GetDataProtectionPolicy, DescribeAccountPolicies or ListLogAnomalyDetectors (HTTP 500,
 * "not implemented"), and sets no {@code dataProtectionStatus} on a log group, so Terraform cannot apply them to it.
 * WireMock answers with the JSON the CloudWatch Logs API reference documents (AWS JSON 1.1,
 * {@code X-Amz-Target: Logs_20140328.<Action>}), and states in the provider 5.100.0 schema's shape are reconciled
 * with what the collectors make of it: each type has one resource in sync, one edited in the console, one deleted
 * and one made by hand.
 */
class LogsWireMockTest {

    private static final String ACCOUNT = "123456789012";
    private static final String GROUP_ARN = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:";
    private static final String DETECTOR_ARN = "arn:aws:logs:us-east-1:" + ACCOUNT + ":anomaly-detector:";
    private static final String MASK = "{\"Name\":\"mask\",\"Version\":\"2021-06-01\",\"Statement\":["
            + "{\"Sid\":\"audit\",\"DataIdentifier\":[\"arn:aws:dataprotection::aws:data-identifier/EmailAddress\"],"
            + "\"Operation\":{\"Audit\":{\"FindingsDestination\":{}}}},"
            + "{\"Sid\":\"redact\",\"DataIdentifier\":[\"arn:aws:dataprotection::aws:data-identifier/EmailAddress\"],"
            + "\"Operation\":{\"Deidentify\":{\"MaskConfig\":{}}}}]}";
    private static final String SUBSCRIPTION = "{\"DestinationArn\":\"arn:aws:lambda:us-east-1:" + ACCOUNT
            + ":function:ship\",\"Distribution\":\"Random\"}";

    private static final List<String> TYPES = List.of(LogPolicyCollectors.QUERY_DEFINITION,
            LogPolicyCollectors.DATA_PROTECTION_POLICY, LogPolicyCollectors.ACCOUNT_POLICY,
            LogPolicyCollectors.ANOMALY_DETECTOR);

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        // Query definitions, over two pages: "refunds" renamed and its query edited in the console.
        stub(action("DescribeQueryDefinitions").atPriority(5), "{\"queryDefinitions\":[" + query("q-orders", "orders",
                "fields @message | limit 20") + "," + query("q-refunds", "refunds-renamed",
                "fields @message | filter @message like /refund/") + "],\"nextToken\":\"page-2\"}");
        stub(action("DescribeQueryDefinitions").atPriority(1).withRequestBody(containing("page-2")),
                "{\"queryDefinitions\":[" + query("q-by-hand", "by-hand", "stats count(*)") + "]}");
        // Log groups: three with a data protection policy in force, one without.
        stub(action("DescribeLogGroups"), "{\"logGroups\":[" + group("/app/orders", true) + ","
                + group("/app/refunds", true) + "," + group("/app/by-hand", true) + "," + group("/app/plain", false)
                + "]}");
        stub(action("GetDataProtectionPolicy").withRequestBody(containing("/app/orders")), protection("/app/orders", MASK));
        stub(action("GetDataProtectionPolicy").withRequestBody(containing("/app/refunds")),
                protection("/app/refunds", MASK.replace("EmailAddress", "Address")));
        // Account policies, one type a call: the subscription filter policy's selection edited in the console.
        stub(action("DescribeAccountPolicies").atPriority(5), "{\"accountPolicies\":[]}");
        stub(action("DescribeAccountPolicies").atPriority(1).withRequestBody(containing("\"DATA_PROTECTION_POLICY\"")),
                "{\"accountPolicies\":[" + accountPolicy("mask-all", "DATA_PROTECTION_POLICY", MASK, null) + "]}");
        stub(action("DescribeAccountPolicies").atPriority(1)
                        .withRequestBody(containing("\"SUBSCRIPTION_FILTER_POLICY\"")),
                "{\"accountPolicies\":[" + accountPolicy("ship", "SUBSCRIPTION_FILTER_POLICY", SUBSCRIPTION,
                        "LogGroupName NOT IN [\\\"/app/noisy\\\", \\\"/app/chatty\\\"]") + "]}");
        stub(action("DescribeAccountPolicies").atPriority(1).withRequestBody(containing("\"FIELD_INDEX_POLICY\"")),
                "{\"accountPolicies\":[" + accountPolicy("by-hand", "FIELD_INDEX_POLICY",
                        "{\"Fields\":[\"RequestId\"]}", null) + "]}");
        // Anomaly detectors: "refunds" paused and evaluated every hour instead of every 15 minutes, and tagged.
        stub(action("ListLogAnomalyDetectors"), "{\"anomalyDetectors\":[" + detector("orders", "ANALYZING")
                + "," + detector("refunds", "PAUSED").replace("FIFTEEN_MIN", "ONE_HOUR") + ","
                + detector("by-hand", "TRAINING") + "]}");
        stub(action("ListTagsForResource").withRequestBody(containing(DETECTOR_ARN + "orders")),
                "{\"tags\":{\"ManagedBy\":\"terraform\"}}");
        stub(action("ListTagsForResource").withRequestBody(containing(DETECTOR_ARN + "refunds")),
                "{\"tags\":{\"ManagedBy\":\"terraform\",\"Team\":\"ops\"}}");
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void consoleEditsDeletionsAndHandMadeOnesAreReportedExactly() {
        Map<String, Finding> findings = reconcile();
        TreeSet<String> drift = DriftLines.of(findings);

        assertThat(drift).containsExactly(
                "CHANGED aws_cloudwatch_log_account_policy.ship selection_criteria",
                "CHANGED aws_cloudwatch_log_anomaly_detector.refunds enabled",
                "CHANGED aws_cloudwatch_log_anomaly_detector.refunds evaluation_frequency",
                "CHANGED aws_cloudwatch_log_anomaly_detector.refunds tags.Team",
                "CHANGED aws_cloudwatch_log_data_protection_policy.refunds policy_document",
                "CHANGED aws_cloudwatch_query_definition.refunds name",
                "CHANGED aws_cloudwatch_query_definition.refunds query_string",
                "MISSING aws_cloudwatch_log_account_policy.deleted",
                "MISSING aws_cloudwatch_log_anomaly_detector.deleted",
                "MISSING aws_cloudwatch_log_data_protection_policy.deleted",
                "MISSING aws_cloudwatch_query_definition.deleted",
                "UNMANAGED aws_cloudwatch_log_account_policy by-hand/FIELD_INDEX_POLICY",
                "UNMANAGED aws_cloudwatch_log_anomaly_detector " + DETECTOR_ARN + "by-hand",
                "UNMANAGED aws_cloudwatch_log_data_protection_policy /app/by-hand",
                "UNMANAGED aws_cloudwatch_query_definition q-by-hand");
        assertThat(findings).hasSize(16);
    }

    @Test
    void listingsAreAtTheirPageFloorAndUnmanagedOnesCostNoDetailCall() {
        reconcile();

        aws.verify(2, postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("Logs_20140328.DescribeQueryDefinitions")).withRequestBody(containing("\"maxResults\":1000")));
        aws.verify(1, postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("Logs_20140328.ListLogAnomalyDetectors")).withRequestBody(containing("\"limit\":50")));
        // The two managed policies' documents, the two managed detectors' tags; nothing for the hand-made ones.
        aws.verify(2, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.GetDataProtectionPolicy")));
        aws.verify(2, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.ListTagsForResource")));
        aws.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("by-hand"))
                .withHeader("X-Amz-Target", equalTo("Logs_20140328.GetDataProtectionPolicy")));
    }

    private static MappingBuilder action(String action) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328." + action));
    }

    private void stub(MappingBuilder request, String body) {
        aws.stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    private static String query(String id, String name, String queryString) {
        return "{\"queryDefinitionId\":\"" + id + "\",\"name\":\"" + name + "\",\"queryString\":\"" + queryString
                + "\",\"lastModified\":1704067200000,\"logGroupNames\":[\"/app/orders\"]}";
    }

    private static String group(String name, boolean protectedData) {
        return "{\"logGroupName\":\"" + name + "\",\"arn\":\"" + GROUP_ARN + name + ":*\",\"creationTime\":1704067200000,"
                + "\"retentionInDays\":7,\"storedBytes\":0" + (protectedData ? ",\"dataProtectionStatus\":\"ACTIVATED\"" : "")
                + ",\"logGroupClass\":\"STANDARD\",\"logGroupArn\":\"" + GROUP_ARN + name + "\"}";
    }

    private static String protection(String group, String document) {
        return "{\"logGroupIdentifier\":\"" + group + "\",\"policyDocument\":" + quoted(document)
                + ",\"lastUpdatedTime\":1704067200000}";
    }

    private static String accountPolicy(String name, String type, String document, String selection) {
        return "{\"policyName\":\"" + name + "\",\"policyDocument\":" + quoted(document) + ",\"lastUpdatedTime\":"
                + "1704067200000,\"policyType\":\"" + type + "\",\"scope\":\"ALL\",\"accountId\":\"" + ACCOUNT + "\""
                + (selection == null ? "" : ",\"selectionCriteria\":\"" + selection + "\"") + "}";
    }

    private static String detector(String name, String status) {
        return "{\"anomalyDetectorArn\":\"" + DETECTOR_ARN + name + "\",\"detectorName\":\"" + name + "\","
                + "\"logGroupArnList\":[\"" + GROUP_ARN + "/app/orders\"],\"evaluationFrequency\":\"FIFTEEN_MIN\","
                + "\"filterPattern\":\"ERROR\",\"anomalyDetectorStatus\":\"" + status + "\",\"creationTimeStamp\":"
                + "1704067200000,\"lastModifiedTimeStamp\":1704067200000,\"anomalyVisibilityTime\":21}";
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Lists the four types as a scan of the state does and reconciles; findings by address or "type id". */
    private Map<String, Finding> reconcile() {
        StateSnapshot state = state();
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        List<ListingOutcome> outcomes = new ArrayList<>();
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            for (String type : TYPES) {
                outcomes.add(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION, type),
                        Collectors.forType(type).orElseThrow().list(new CollectorContext(session, MotoAws.ACCOUNT,
                                MotoAws.REGION, false, managed))));
            }
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /** The states provider 5.100.0 writes (every schema attribute, unset ones empty) for what was applied. */
    private static StateSnapshot state() {
        List<StateResource> resources = new ArrayList<>();
        for (String name : List.of("orders", "refunds", "deleted")) {
            String queryId = "q-" + name;
            resources.add(resource(LogPolicyCollectors.QUERY_DEFINITION, name, queryId, Map.of("id", queryId,
                    "query_definition_id", queryId, "name", name, "log_group_names", List.of("/app/orders"),
                    "query_string", name.equals("orders") ? "fields @message | limit 20" : "fields @message")));
            resources.add(resource(LogPolicyCollectors.DATA_PROTECTION_POLICY, name, "/app/" + name, Map.of(
                    "id", "/app/" + name, "log_group_name", "/app/" + name, "policy_document", MASK)));
            String detector = DETECTOR_ARN + name;
            Map<String, Object> detectorAttributes = new HashMap<>();
            detectorAttributes.put("arn", detector);
            detectorAttributes.put("detector_name", name);
            detectorAttributes.put("enabled", true);
            detectorAttributes.put("evaluation_frequency", "FIFTEEN_MIN");
            detectorAttributes.put("filter_pattern", "ERROR");
            detectorAttributes.put("kms_key_id", null);
            detectorAttributes.put("log_group_arn_list", List.of(GROUP_ARN + "/app/orders"));
            detectorAttributes.put("anomaly_visibility_time", 21);
            detectorAttributes.put("tags", null);
            detectorAttributes.put("tags_all", Map.of("ManagedBy", "terraform"));
            resources.add(resource(LogPolicyCollectors.ANOMALY_DETECTOR, name, null, detectorAttributes));
        }
        resources.add(resource(LogPolicyCollectors.ACCOUNT_POLICY, "mask_all", "mask-all", accountPolicyState(
                "mask-all", "DATA_PROTECTION_POLICY", MASK, "")));
        resources.add(resource(LogPolicyCollectors.ACCOUNT_POLICY, "ship", "ship", accountPolicyState("ship",
                "SUBSCRIPTION_FILTER_POLICY", SUBSCRIPTION, "LogGroupName NOT IN [\"/app/noisy\"]")));
        resources.add(resource(LogPolicyCollectors.ACCOUNT_POLICY, "deleted", "deleted", accountPolicyState("deleted",
                "TRANSFORMER_POLICY", "{\"Transformers\":[]}", "")));
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", resources);
    }

    private static Map<String, Object> accountPolicyState(String name, String type, String document, String selection) {
        return Map.of("id", name, "policy_name", name, "policy_type", type, "policy_document", document,
                "scope", "ALL", "selection_criteria", selection);
    }

    private static StateResource resource(String type, String name, String id, Map<String, Object> attributes) {
        return new StateResource(type + "." + name, "", type, name, id, "hand.tfstate", attributes);
    }
}
