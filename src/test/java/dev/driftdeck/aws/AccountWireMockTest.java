package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.driftdeck.drift.Finding;
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
 * The account-family types Terraform cannot apply to moto 5.2.1: the account's S3 public access block (the provider
 * calls {@code <account>.<endpoint host>}, which does not resolve to a loopback moto), SQS redrive-allow policies
 * (moto has no RedriveAllowPolicy attribute), SNS data protection policies (no Get/PutDataProtectionPolicy) and
 * external replica keys (moto never shows the PendingImport state the provider waits for). WireMock answers with
 * what the API references document (S3 Control GetPublicAccessBlock in XML, SQS ListQueues and GetQueueAttributes in
 * JSON 1.0, SNS GetDataProtectionPolicy in the query protocol's XML, KMS ListKeys, ListAliases, DescribeKey,
 * GetKeyPolicy and ListResourceTags in JSON 1.1), and states in the provider 5.100.0 schema's shape are reconciled
 * with what the collectors make of it.
 */
class AccountWireMockTest {

    private static final String ACCOUNT = MotoAws.ACCOUNT;
    private static final String QUEUES = "https://sqs.us-east-1.amazonaws.com/" + ACCOUNT + "/";
    private static final String SOURCE_ARN = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders";
    private static final String ALLOW = "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + SOURCE_ARN + "\"]}";
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":orders";
    private static final String RETIRED_TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":retired";
    private static final String PROTECTION = "{\"Name\":\"mask\",\"Description\":\"\",\"Version\":\"2021-06-01\","
            + "\"Statement\":[{\"Sid\":\"audit\",\"DataDirection\":\"Inbound\",\"Principal\":[\"*\"],"
            + "\"DataIdentifier\":[\"arn:aws:dataprotection::aws:data-identifier/EmailAddress\"],"
            + "\"Operation\":{\"Audit\":{\"SampleRate\":\"99\",\"FindingsDestination\":{}}}}]}";
    private static final String REPLICA = "mrk-1234abcd12ab34cd56ef1234567890ab";
    private static final String REPLICA_BY_HAND = "mrk-99990000aaaabbbbccccddddeeeeffff";
    private static final String KMS_REPLICA = "mrk-5555aaaa5555bbbb5555cccc5555dddd";
    private static final String PRIMARY_ARN = "arn:aws:kms:us-west-2:" + ACCOUNT + ":key/" + REPLICA;
    private static final String KEY_POLICY = "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{"
            + "\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
            + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
    private static final List<String> TYPES = List.of("aws_s3_account_public_access_block",
            "aws_sqs_queue_redrive_allow_policy", "aws_sns_topic_data_protection_policy", "aws_kms_replica_external_key",
            "aws_kms_key", "aws_kms_replica_key");

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        aws.stubFor(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .withHeader("x-amz-account-id", equalTo(ACCOUNT))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                        "<PublicAccessBlockConfiguration xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\">"
                                + "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>false</IgnorePublicAcls>"
                                + "<BlockPublicPolicy>true</BlockPublicPolicy>"
                                + "<RestrictPublicBuckets>false</RestrictPublicBuckets>"
                                + "</PublicAccessBlockConfiguration>")));

        sqs("ListQueues", null, "{\"QueueUrls\":[\"" + QUEUES + "orders\",\"" + QUEUES + "dlq-0\",\"" + QUEUES
                + "dlq-1\"]}");
        sqs("GetQueueAttributes", QUEUES + "dlq-0", "{\"Attributes\":{\"RedriveAllowPolicy\":\"" + ALLOW.replace("\"", "\\\"")
                + "\"}}");
        // The allow policy removed in the console: SQS answers no such attribute.
        sqs("GetQueueAttributes", QUEUES + "dlq-1", "{\"Attributes\":{}}");

        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetDataProtectionPolicy"))
                .withRequestBody(containing("orders")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/xml").withBody("<GetDataProtectionPolicyResponse xmlns="
                                + "\"http://sns.amazonaws.com/doc/2010-03-31/\"><GetDataProtectionPolicyResult>"
                                + "<DataProtectionPolicy>" + PROTECTION.replace("\"", "&quot;") + "</DataProtectionPolicy>"
                                + "</GetDataProtectionPolicyResult><ResponseMetadata><RequestId>r1</RequestId>"
                                + "</ResponseMetadata></GetDataProtectionPolicyResponse>")));
        // The topic deleted: SNS answers NotFound.
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetDataProtectionPolicy"))
                .withRequestBody(containing("retired")).willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "text/xml").withBody("<ErrorResponse xmlns=\"http://sns.amazonaws.com/"
                                + "doc/2010-03-31/\"><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does "
                                + "not exist</Message></Error><RequestId>r2</RequestId></ErrorResponse>")));

        kms("ListKeys", null, "{\"Keys\":[" + listed(REPLICA) + "," + listed(REPLICA_BY_HAND) + "," + listed(KMS_REPLICA)
                + "],\"Truncated\":false}");
        kms("ListAliases", null, "{\"Aliases\":[],\"Truncated\":false}");
        kms("DescribeKey", REPLICA, "{\"KeyMetadata\":" + replica(REPLICA, "EXTERNAL", "replica of imported material")
                + "}");
        kms("DescribeKey", REPLICA_BY_HAND, "{\"KeyMetadata\":" + replica(REPLICA_BY_HAND, "EXTERNAL", "by hand") + "}");
        kms("DescribeKey", KMS_REPLICA, "{\"KeyMetadata\":" + replica(KMS_REPLICA, "AWS_KMS", "ordinary replica") + "}");
        kms("GetKeyPolicy", REPLICA, "{\"Policy\":\"" + KEY_POLICY.replace("\"", "\\\"") + "\",\"PolicyName\":\"default\"}");
        kms("ListResourceTags", REPLICA, "{\"Tags\":[{\"TagKey\":\"Team\",\"TagValue\":\"keys\"}],\"Truncated\":false}");
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void theStateAsTheProviderWritesItIsInSyncDeletionsAreMissingAndHandMadeObjectsUnmanaged() {
        Map<String, Finding> findings = reconcile(state(Map.of()));

        TreeSet<String> statuses = new TreeSet<>();
        findings.forEach((who, finding) -> statuses.add(finding.status() + " " + who + " " + finding.diffs()));
        // An external replica made by hand is one unmanaged external replica key, and an ordinary replica stays
        // aws_kms_replica_key's: neither is also an unmanaged aws_kms_key.
        assertThat(statuses).containsExactly(
                "IN_SYNC aws_kms_replica_external_key.r []",
                "IN_SYNC aws_s3_account_public_access_block.pab []",
                "IN_SYNC aws_sns_topic_data_protection_policy.orders []",
                "IN_SYNC aws_sqs_queue_redrive_allow_policy.dlq0 []",
                "MISSING aws_sns_topic_data_protection_policy.retired []",
                "MISSING aws_sqs_queue_redrive_allow_policy.dlq1 []",
                "UNMANAGED aws_kms_replica_external_key " + REPLICA_BY_HAND + " []",
                "UNMANAGED aws_kms_replica_key " + KMS_REPLICA + " []");
    }

    @Test
    void consoleChangesShowOnTheAttributeTheyChange() {
        Map<String, Finding> findings = reconcile(state(Map.of("ignore_public_acls", true,
                "redrive_allow_policy", "{\"redrivePermission\":\"allowAll\"}",
                "protection", PROTECTION.replace("\"99\"", "\"10\""), "enabled", true, "description", "as written")));

        TreeSet<String> changed = new TreeSet<>();
        findings.forEach((who, finding) -> finding.diffs().forEach(diff -> changed.add(who + " " + diff.dottedPath())));
        assertThat(changed).containsExactly(
                "aws_kms_replica_external_key.r description",
                "aws_kms_replica_external_key.r enabled",
                "aws_s3_account_public_access_block.pab ignore_public_acls",
                "aws_sns_topic_data_protection_policy.orders policy",
                "aws_sqs_queue_redrive_allow_policy.dlq0 redrive_allow_policy");
    }

    @Test
    void anAccountBlockNoStateManagesIsUnmanagedAndIsReadWithTheAccountInTheHeader() {
        Map<String, Finding> findings = reconcile(new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", List.of()));

        assertThat(findings).containsOnlyKeys("aws_s3_account_public_access_block " + ACCOUNT,
                "aws_kms_replica_external_key " + REPLICA, "aws_kms_replica_external_key " + REPLICA_BY_HAND,
                "aws_kms_replica_key " + KMS_REPLICA);
        aws.verify(1, getRequestedFor(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .withHeader("x-amz-account-id", equalTo(ACCOUNT)));
    }

    private void sqs(String operation, String queueUrl, String body) {
        var request = post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSQS." + operation));
        if (queueUrl != null) {
            request = request.withRequestBody(matchingJsonPath("$[?(@.QueueUrl == '" + queueUrl + "')]"));
        }
        aws.stubFor(request.willReturn(json("1.0", body)));
    }

    private void kms(String operation, String keyId, String body) {
        var request = post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService." + operation));
        if (keyId != null) {
            request = request.withRequestBody(matchingJsonPath("$[?(@.KeyId == '" + keyId + "')]"));
        }
        aws.stubFor(request.willReturn(json("1.1", body)));
    }

    private static String listed(String keyId) {
        return "{\"KeyId\":\"" + keyId + "\",\"KeyArn\":\"arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + keyId + "\"}";
    }

    /** A DescribeKey KeyMetadata of a multi-Region replica as the KMS API reference shows it. */
    private static String replica(String keyId, String origin, String description) {
        boolean external = origin.equals("EXTERNAL");
        return "{\"AWSAccountId\":\"" + ACCOUNT + "\",\"KeyId\":\"" + keyId + "\",\"Arn\":\"arn:aws:kms:us-east-1:"
                + ACCOUNT + ":key/" + keyId + "\",\"CreationDate\":1.7672256E9,\"Enabled\":" + !external
                + ",\"Description\":\"" + description + "\",\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"KeyState\":\""
                + (external ? "PendingImport" : "Enabled") + "\",\"Origin\":\"" + origin + "\",\"KeyManager\":"
                + "\"CUSTOMER\",\"KeySpec\":\"SYMMETRIC_DEFAULT\",\"CustomerMasterKeySpec\":\"SYMMETRIC_DEFAULT\","
                + "\"EncryptionAlgorithms\":[\"SYMMETRIC_DEFAULT\"],\"MultiRegion\":true,\"MultiRegionConfiguration\":{"
                + "\"MultiRegionKeyType\":\"REPLICA\",\"PrimaryKey\":{\"Arn\":\"arn:aws:kms:us-west-2:" + ACCOUNT
                + ":key/" + keyId + "\",\"Region\":\"us-west-2\"},\"ReplicaKeys\":[{\"Arn\":\"arn:aws:kms:us-east-1:"
                + ACCOUNT + ":key/" + keyId + "\",\"Region\":\"us-east-1\"}]}"
                + (external ? ",\"ExpirationModel\":\"KEY_MATERIAL_DOES_NOT_EXPIRE\"" : "") + "}";
    }

    private static ResponseDefinitionBuilder json(String version, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-" + version).withBody(body);
    }

    /** Lists the types as a scan of {@code state} does, reconciles; findings by address or "type id". */
    private Map<String, Finding> reconcile(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        List<ListingOutcome> outcomes = new ArrayList<>();
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            for (String type : TYPES) {
                Collector collector = Collectors.forType(type).orElseThrow();
                String region = collector.global() ? ListingScope.GLOBAL : MotoAws.REGION;
                outcomes.add(new ListingOutcome.Listed(new ListingScope(ACCOUNT, region, type),
                        collector.list(new CollectorContext(session, ACCOUNT, region, false, managed))));
            }
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .stream().filter(f -> TYPES.contains(f.type()))
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /**
     * The state provider 5.100.0 writes for these resources, with the values of {@code changes} in place of the
     * live ones.
     */
    private static StateSnapshot state(Map<String, Object> changes) {
        List<StateResource> resources = new ArrayList<>();
        resources.add(resource("aws_s3_account_public_access_block", "pab", ACCOUNT, Map.of("account_id", ACCOUNT,
                "block_public_acls", true, "block_public_policy", true,
                "ignore_public_acls", changes.getOrDefault("ignore_public_acls", false), "restrict_public_buckets", false)));
        resources.add(resource("aws_sqs_queue_redrive_allow_policy", "dlq0", QUEUES + "dlq-0", Map.of(
                "queue_url", QUEUES + "dlq-0", "redrive_allow_policy", changes.getOrDefault("redrive_allow_policy", ALLOW))));
        resources.add(resource("aws_sqs_queue_redrive_allow_policy", "dlq1", QUEUES + "dlq-1", Map.of(
                "queue_url", QUEUES + "dlq-1", "redrive_allow_policy", ALLOW)));
        resources.add(resource("aws_sns_topic_data_protection_policy", "orders", TOPIC, Map.of("arn", TOPIC,
                "policy", changes.getOrDefault("protection", PROTECTION))));
        resources.add(resource("aws_sns_topic_data_protection_policy", "retired", RETIRED_TOPIC, Map.of(
                "arn", RETIRED_TOPIC, "policy", PROTECTION)));
        Map<String, Object> replica = new HashMap<>();
        replica.put("arn", "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + REPLICA);
        replica.put("key_id", REPLICA);
        replica.put("primary_key_arn", PRIMARY_ARN);
        replica.put("description", changes.getOrDefault("description", "replica of imported material"));
        replica.put("enabled", changes.getOrDefault("enabled", false));
        replica.put("key_state", "PendingImport");
        replica.put("key_usage", "ENCRYPT_DECRYPT");
        replica.put("expiration_model", "KEY_MATERIAL_DOES_NOT_EXPIRE");
        replica.put("policy", KEY_POLICY);
        replica.put("valid_to", "");
        replica.put("deletion_window_in_days", 7);
        replica.put("bypass_policy_lockout_safety_check", false);
        replica.put("key_material_base64", null);
        replica.put("tags", Map.of("Team", "keys"));
        replica.put("tags_all", Map.of("Team", "keys"));
        resources.add(resource("aws_kms_replica_external_key", "r", REPLICA, replica));
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", resources);
    }

    private static StateResource resource(String type, String name, String id, Map<String, Object> attributes) {
        Map<String, Object> withId = new HashMap<>(attributes);
        withId.put("id", id);
        return new StateResource(type + "." + name, "", type, name, id, "hand.tfstate", withId);
    }
}
