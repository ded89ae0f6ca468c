package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.aws.Collectors;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoRequests;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PrivateMoto;
import dev.driftdeck.testing.TerraformApply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * As {@link RefreshOnlyComparisonTest}, for the service side of the community modules (terraform-aws-modules iam
 * 5.60.0, sqs 4.3.1, sns 6.2.1, kms 3.1.1, dynamodb-table 4.4.0, cloudwatch 5.7.2; fixtures/terraform/community-services):
 * right after apply every resource is checked and in sync, and after the edits an operator makes in the console both
 * tools name the same changed addresses and attributes (and the same deleted ones). A separate stack from the network
 * one so that each class keeps to one apply of a size moto answers quickly.
 */
@PrivateMoto
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefreshOnlyServicesTest {

    private static final String ORDERS_QUEUE = "module.orders_queue.aws_sqs_queue.this[0]";
    private static final String DLQ = "module.orders_queue.aws_sqs_queue.dlq[0]";
    private static final String TOPIC = "module.events_topic.aws_sns_topic.this[0]";
    private static final String KEY = "module.app_key.aws_kms_key.this[0]";
    private static final String TABLE = "module.orders_table.aws_dynamodb_table.this[0]";
    private static final String ROLE = "module.deploy_role.aws_iam_role.this[0]";
    private static final String DEPLOY_POLICY = "module.deploy_policy.aws_iam_policy.policy[0]";
    private static final String LOG_GROUP = "module.app_logs.aws_cloudwatch_log_group.this[0]";

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("community-services");
    }

    @Test
    @Order(1)
    void rightAfterApplyEveryModuleResourceIsCheckedAndInSync() throws Exception {
        ScanReport report = fixture.scan();
        Map<String, TreeSet<String>> refreshOnly = RefreshOnly.terraform(refreshOnlyPlan());

        // soft: a type the modules create that is not supported yet shows with everything else it breaks
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(fixture.byAddress.values()).extracting(resource -> resource.type())
                    .as("types the modules create").isSubsetOf(Collectors.supportedTypes());
            softly.assertThat(CoverageFixture.drift(report)).isEmpty();
            softly.assertThat(report.findings()).filteredOn(f -> f.address() != null)
                    .filteredOn(f -> f.status() != FindingStatus.IN_SYNC).extracting(f -> f.status() + " " + f.address())
                    .isEmpty();
            softly.assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
            softly.assertThat(refreshOnly).as("terraform plan -refresh-only").isEmpty();
        });
    }

    @Test
    @Order(2)
    void consoleEditsAreTheSameDriftForDriftdeckAndRefreshOnly() throws Exception {
        String handMade;
        try (SqsClient sqs = MotoClients.of(SqsClient.builder()); SnsClient sns = MotoClients.of(SnsClient.builder())) {
            // the queue's visibility timeout and its redrive (more receives before a message goes to the DLQ)
            sqs.setQueueAttributes(r -> r.queueUrl(fixture.id(ORDERS_QUEUE)).attributesWithStrings(Map.of(
                    "VisibilityTimeout", "120",
                    "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + fixture.attribute(DLQ, "arn")
                            + "\",\"maxReceiveCount\":10}")));
            handMade = sqs.getQueueAttributes(r -> r.queueUrl(sqs.createQueue(q -> q.queueName("by-hand")).queueUrl())
                    .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
            // the topic opened to every account
            sns.setTopicAttributes(r -> r.topicArn(fixture.id(TOPIC)).attributeName("Policy").attributeValue("""
                    {"Version":"2012-10-17","Statement":[{"Sid":"publish","Effect":"Allow","Principal":{"AWS":"*"},\
                    "Action":"sns:Publish","Resource":"%s"}]}""".formatted(fixture.id(TOPIC))));
        }
        try (KmsClient kms = MotoClients.of(KmsClient.builder())) {
            kms.disableKeyRotation(r -> r.keyId(fixture.id(KEY)));
            kms.disableKey(r -> r.keyId(fixture.id(KEY)));
        }
        try (DynamoDbClient dynamo = MotoClients.of(DynamoDbClient.builder())) {
            dynamo.updateContinuousBackups(r -> r.tableName(fixture.id(TABLE))
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
        }
        try (IamClient iam = MotoClients.iam()) {
            String role = fixture.id(ROLE);
            iam.updateAssumeRolePolicy(r -> r.roleName(role).policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},\
                    "Action":"sts:AssumeRole"}]}"""));
            iam.detachRolePolicy(r -> r.roleName(role).policyArn(fixture.id(DEPLOY_POLICY)));
        }
        try (CloudWatchLogsClient logs = MotoClients.of(CloudWatchLogsClient.builder())) {
            logs.putRetentionPolicy(r -> r.logGroupName(fixture.id(LOG_GROUP)).retentionInDays(7));
        }
        raiseTheBacklogAlarmThreshold();

        ScanReport report = fixture.scan();
        Map<String, TreeSet<String>> terraform = RefreshOnly.terraform(refreshOnlyPlan());
        Map<String, TreeSet<String>> driftdeck = RefreshOnly.driftdeck(report);

        assertThat(driftdeck).as("Driftdeck's drift by address (refresh-only's: %s)", terraform).isEqualTo(terraform);
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.UNMANAGED)
                .extracting(f -> f.type() + " " + f.id()).containsExactly("aws_sqs_queue " + handMade);
    }

    /**
     * The console's alarm edit: PutMetricAlarm with every setting the module gave, the threshold raised. Over the
     * query protocol: the SDK's cloudwatch client speaks CBOR, which moto cannot answer.
     */
    private static void raiseTheBacklogAlarmThreshold() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AlarmName", "community-orders-backlog");
        params.put("AlarmDescription", "Orders waiting too long");
        params.put("ComparisonOperator", "GreaterThanThreshold");
        params.put("EvaluationPeriods", "2");
        params.put("MetricName", "ApproximateNumberOfMessagesVisible");
        params.put("Namespace", "AWS/SQS");
        params.put("Period", "300");
        params.put("Statistic", "Maximum");
        params.put("Threshold", "500");
        params.put("ActionsEnabled", "true");
        params.put("TreatMissingData", "missing");
        params.put("Dimensions.member.1.Name", "QueueName");
        params.put("Dimensions.member.1.Value", "community-orders");
        params.put("AlarmActions.member.1", fixture.id(TOPIC));
        MotoRequests.query("monitoring", "2010-08-01", "PutMetricAlarm", params);
    }

    private static String refreshOnlyPlan() throws Exception {
        return TerraformApply.refreshOnlyPlanJson(fixture.state.getParent(), MotoServer.current().endpoint());
    }
}
