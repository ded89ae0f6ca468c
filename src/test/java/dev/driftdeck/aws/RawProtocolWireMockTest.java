package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
 * Application Auto Scaling targets, policies and scheduled actions, and EFS backup policies, which moto 5.2.1 cannot
 * hold: it has no Application Auto Scaling ListTagsForResource (the provider polls it forever, so Terraform cannot
 * apply a target against moto) and no EFS PutBackupPolicy. WireMock answers with the JSON the API references document
 * (Application Auto Scaling: DescribeScalableTargets, DescribeScalingPolicies, DescribeScheduledActions,
 * ListTagsForResource; EFS: DescribeBackupPolicy), and states in the provider 5.100.0 schema's shape are reconciled
 * with what the collectors make of it.
 */
class RawProtocolWireMockTest {

    private static final String TARGET = "AnyScaleFrontendService.";
    private static final String TABLE = "table/orders";
    private static final String READS = "dynamodb:table:ReadCapacityUnits";
    private static final String ROLE = "arn:aws:iam::123456789012:role/aws-service-role/dynamodb.application-autoscaling"
            + ".amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";
    private static final String TARGET_ARN = "arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/"
            + "0c5a1f7e2d3b4c5d6e7f";
    private static final List<String> TYPES = List.of("aws_appautoscaling_target", "aws_appautoscaling_policy",
            "aws_appautoscaling_scheduled_action", "aws_efs_backup_policy");

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        // Every other namespace is empty.
        for (String operation : List.of("DescribeScalableTargets", "DescribeScalingPolicies", "DescribeScheduledActions")) {
            String items = switch (operation) {
                case "DescribeScalableTargets" -> "ScalableTargets";
                case "DescribeScalingPolicies" -> "ScalingPolicies";
                default -> "ScheduledActions";
            };
            aws.stubFor(post(urlEqualTo("/")).atPriority(9).withHeader("X-Amz-Target", equalTo(TARGET + operation))
                    .willReturn(json("{\"" + items + "\":[]}")));
        }
        // Two pages of dynamodb targets: the second holds one registered by hand.
        aws.stubFor(post(urlEqualTo("/")).atPriority(2).withHeader("X-Amz-Target", equalTo(TARGET + "DescribeScalableTargets"))
                .withRequestBody(matchingJsonPath("$[?(@.ServiceNamespace == 'dynamodb')]"))
                .willReturn(json("{\"ScalableTargets\":[{\"ServiceNamespace\":\"dynamodb\",\"ResourceId\":\"" + TABLE
                        + "\",\"ScalableDimension\":\"" + READS + "\",\"MinCapacity\":5,\"MaxCapacity\":50,"
                        + "\"RoleARN\":\"" + ROLE + "\",\"CreationTime\":1.767225600123E9,\"SuspendedState\":{"
                        + "\"DynamicScalingInSuspended\":false,\"DynamicScalingOutSuspended\":false,"
                        + "\"ScheduledScalingSuspended\":true},\"ScalableTargetARN\":\"" + TARGET_ARN + "\"}],"
                        + "\"NextToken\":\"page-2\"}")));
        aws.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo(TARGET + "DescribeScalableTargets"))
                .withRequestBody(matchingJsonPath("$[?(@.NextToken == 'page-2')]"))
                .willReturn(json("{\"ScalableTargets\":[{\"ServiceNamespace\":\"dynamodb\",\"ResourceId\":\"table/by-hand\","
                        + "\"ScalableDimension\":\"" + READS + "\",\"MinCapacity\":1,\"MaxCapacity\":2,\"RoleARN\":\""
                        + ROLE + "\",\"CreationTime\":1.7672256E9,\"ScalableTargetARN\":\"" + TARGET_ARN + "ff\"}]}")));
        aws.stubFor(post(urlEqualTo("/")).atPriority(2).withHeader("X-Amz-Target", equalTo(TARGET + "ListTagsForResource"))
                .willReturn(json("{\"Tags\":{\"Team\":\"data\"}}")));
        aws.stubFor(post(urlEqualTo("/")).atPriority(2).withHeader("X-Amz-Target", equalTo(TARGET + "DescribeScalingPolicies"))
                .withRequestBody(matchingJsonPath("$[?(@.ServiceNamespace == 'dynamodb')]"))
                .willReturn(json("{\"ScalingPolicies\":[{\"PolicyARN\":\"arn:aws:autoscaling:us-east-1:123456789012:"
                        + "scalingPolicy:1:resource/dynamodb/table/orders:policyName/reads\",\"PolicyName\":\"reads\","
                        + "\"ServiceNamespace\":\"dynamodb\",\"ResourceId\":\"" + TABLE + "\",\"ScalableDimension\":\""
                        + READS + "\",\"PolicyType\":\"TargetTrackingScaling\",\"TargetTrackingScalingPolicyConfiguration\":"
                        + "{\"TargetValue\":70.0,\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":"
                        + "\"DynamoDBReadCapacityUtilization\"}},\"Alarms\":[{\"AlarmName\":\"TargetTracking-table/orders"
                        + "-AlarmHigh\",\"AlarmARN\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:x\"}],"
                        + "\"CreationTime\":1.7672256E9},"
                        + "{\"PolicyARN\":\"arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:2:resource/dynamodb/"
                        + "table/orders:policyName/steps\",\"PolicyName\":\"steps\",\"ServiceNamespace\":\"dynamodb\","
                        + "\"ResourceId\":\"" + TABLE + "\",\"ScalableDimension\":\"" + READS + "\",\"PolicyType\":"
                        + "\"StepScaling\",\"StepScalingPolicyConfiguration\":{\"AdjustmentType\":\"ChangeInCapacity\","
                        + "\"StepAdjustments\":[{\"MetricIntervalLowerBound\":0.0,\"ScalingAdjustment\":2}],"
                        + "\"Cooldown\":60,\"MetricAggregationType\":\"Average\"},\"Alarms\":[],\"CreationTime\":1.7672256E9},"
                        + "{\"PolicyARN\":\"arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:3:resource/dynamodb/"
                        + "table/orders:policyName/by-hand\",\"PolicyName\":\"by-hand\",\"ServiceNamespace\":\"dynamodb\","
                        + "\"ResourceId\":\"" + TABLE + "\",\"ScalableDimension\":\"" + READS + "\",\"PolicyType\":"
                        + "\"TargetTrackingScaling\",\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":50.0,"
                        + "\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"DynamoDBReadCapacityUtilization\"}},"
                        + "\"CreationTime\":1.7672256E9}]}")));
        aws.stubFor(post(urlEqualTo("/")).atPriority(2).withHeader("X-Amz-Target", equalTo(TARGET + "DescribeScheduledActions"))
                .withRequestBody(matchingJsonPath("$[?(@.ServiceNamespace == 'dynamodb')]"))
                .willReturn(json("{\"ScheduledActions\":[{\"ScheduledActionName\":\"night\",\"ScheduledActionARN\":"
                        + "\"arn:aws:autoscaling:us-east-1:123456789012:scheduledAction:1:scheduledActionName/night\","
                        + "\"ServiceNamespace\":\"dynamodb\",\"Schedule\":\"cron(0 20 * * ? *)\",\"Timezone\":"
                        + "\"Europe/Berlin\",\"ResourceId\":\"" + TABLE + "\",\"ScalableDimension\":\"" + READS + "\","
                        + "\"StartTime\":1.7672256E9,\"ScalableTargetAction\":{\"MinCapacity\":5,\"MaxCapacity\":10},"
                        + "\"CreationTime\":1.7672256E9}]}")));
        aws.stubFor(get(urlPathEqualTo("/2015-02-01/file-systems")).withQueryParam("MaxItems", equalTo("100"))
                .willReturn(json("{\"FileSystems\":[" + fileSystem("fs-managed") + "," + fileSystem("fs-backed-up-by-hand")
                        + "," + fileSystem("fs-default") + "," + fileSystem("fs-nobody-manages") + "]}")));
        aws.stubFor(get(urlPathEqualTo("/2015-02-01/file-systems/fs-managed/backup-policy"))
                .willReturn(json("{\"BackupPolicy\":{\"Status\":\"ENABLED\"}}")));
        aws.stubFor(get(urlPathEqualTo("/2015-02-01/file-systems/fs-backed-up-by-hand/backup-policy"))
                .willReturn(json("{\"BackupPolicy\":{\"Status\":\"ENABLED\"}}")));
        aws.stubFor(get(urlPathEqualTo("/2015-02-01/file-systems/fs-default/backup-policy"))
                .willReturn(json("{\"BackupPolicy\":{\"Status\":\"DISABLED\"}}")));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void theStateAsTheProviderWritesItIsInSyncAndHandMadeObjectsAreUnmanaged() {
        Map<String, Finding> findings = reconcile(state(Map.of()));

        TreeSet<String> statuses = new TreeSet<>();
        findings.forEach((who, finding) -> statuses.add(finding.status() + " " + who + " " + finding.diffs()));
        assertThat(statuses).containsExactly(
                "IN_SYNC aws_appautoscaling_policy.reads []",
                "IN_SYNC aws_appautoscaling_policy.steps []",
                "IN_SYNC aws_appautoscaling_scheduled_action.night []",
                "IN_SYNC aws_appautoscaling_target.reads []",
                "IN_SYNC aws_efs_backup_policy.managed []",
                "UNMANAGED aws_appautoscaling_policy dynamodb/table/orders/dynamodb:table:ReadCapacityUnits/by-hand []",
                "UNMANAGED aws_appautoscaling_target dynamodb/table/by-hand/dynamodb:table:ReadCapacityUnits []",
                "UNMANAGED aws_efs_backup_policy fs-backed-up-by-hand []");
    }

    @Test
    void consoleChangesShowOnTheAttributeTheyChange() {
        Map<String, Finding> findings = reconcile(state(Map.of(
                "max_capacity", 40, "scheduled_suspended", false, "target_value", 60, "scaling_adjustment", 1,
                "schedule", "cron(0 22 * * ? *)", "backup", "DISABLED")));

        TreeSet<String> changed = new TreeSet<>();
        findings.forEach((who, finding) -> finding.diffs().forEach(diff -> changed.add(who + " " + diff.dottedPath())));
        assertThat(changed).containsExactly(
                "aws_appautoscaling_policy.reads target_tracking_scaling_policy_configuration",
                "aws_appautoscaling_policy.steps step_scaling_policy_configuration",
                "aws_appautoscaling_scheduled_action.night schedule",
                "aws_appautoscaling_target.reads max_capacity",
                "aws_appautoscaling_target.reads suspended_state",
                "aws_efs_backup_policy.managed backup_policy");
    }

    @Test
    void targetsAreListedOncePerNamespaceAtTheApiMaximumAndOnlyManagedObjectsCostADetailCall() {
        reconcile(state(Map.of()));

        int namespaces = AppAutoScalingCollectors.NAMESPACES.size();
        aws.verify(namespaces + 1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "DescribeScalableTargets"))
                .withRequestBody(matchingJsonPath("$[?(@.MaxResults == 50)]")));
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "ListTagsForResource"))
                .withRequestBody(matchingJsonPath("$[?(@.ResourceARN == '" + TARGET_ARN + "')]")));
        // Policies and scheduled actions only where a target is registered: the one dynamodb namespace.
        aws.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "DescribeScalingPolicies")));
        aws.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "DescribeScheduledActions")));
        aws.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/2015-02-01/file-systems/fs-nobody-manages/backup-policy")));
    }

    /** A DescribeFileSystems entry as the EFS API reference shows it. */
    private static String fileSystem(String id) {
        return "{\"OwnerId\":\"123456789012\",\"CreationToken\":\"" + id + "\",\"FileSystemId\":\"" + id
                + "\",\"FileSystemArn\":\"arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/" + id
                + "\",\"CreationTime\":1.7672256E9,\"LifeCycleState\":\"available\",\"NumberOfMountTargets\":0,"
                + "\"SizeInBytes\":{\"Value\":6144},\"PerformanceMode\":\"generalPurpose\",\"Encrypted\":true,"
                + "\"ThroughputMode\":\"bursting\",\"Tags\":[]}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** Lists the four types as a scan of {@code state} does, reconciles; findings by address or "type id". */
    private Map<String, Finding> reconcile(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        List<ListingOutcome> outcomes = new ArrayList<>();
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            for (String type : TYPES) {
                Collector collector = Collectors.forType(type).orElseThrow();
                outcomes.add(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION, type),
                        collector.list(new CollectorContext(session, MotoAws.ACCOUNT, MotoAws.REGION, false, managed))));
            }
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .stream().filter(f -> TYPES.contains(f.type()))
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /**
     * The state provider 5.100.0 writes for these resources (every schema attribute, unset ones empty), with the
     * values of {@code changes} in place of the live ones.
     */
    private static StateSnapshot state(Map<String, Object> changes) {
        Map<String, Object> key = Map.of("service_namespace", "dynamodb", "resource_id", TABLE,
                "scalable_dimension", READS);
        List<StateResource> resources = new ArrayList<>();
        resources.add(resource("aws_appautoscaling_target", "reads", TABLE, with(key, Map.of(
                "arn", TARGET_ARN, "min_capacity", 5, "max_capacity", changes.getOrDefault("max_capacity", 50),
                "role_arn", ROLE, "tags", Map.of("Team", "data"), "tags_all", Map.of("Team", "data"),
                "suspended_state", List.of(Map.of("dynamic_scaling_in_suspended", false,
                        "dynamic_scaling_out_suspended", false,
                        "scheduled_scaling_suspended", changes.getOrDefault("scheduled_suspended", true)))))));
        resources.add(resource("aws_appautoscaling_policy", "reads", "reads", with(key, Map.of(
                "name", "reads", "policy_type", "TargetTrackingScaling", "alarm_arns",
                List.of("arn:aws:cloudwatch:us-east-1:123456789012:alarm:x"),
                "step_scaling_policy_configuration", List.of(),
                "target_tracking_scaling_policy_configuration", List.of(Map.of(
                        "customized_metric_specification", List.of(), "disable_scale_in", false,
                        "predefined_metric_specification", List.of(Map.of(
                                "predefined_metric_type", "DynamoDBReadCapacityUtilization", "resource_label", "")),
                        "scale_in_cooldown", 0, "scale_out_cooldown", 0,
                        "target_value", changes.getOrDefault("target_value", 70)))))));
        resources.add(resource("aws_appautoscaling_policy", "steps", "steps", with(key, Map.of(
                "name", "steps", "policy_type", "StepScaling", "alarm_arns", List.of(),
                "step_scaling_policy_configuration", List.of(Map.of("adjustment_type", "ChangeInCapacity",
                        "cooldown", 60, "metric_aggregation_type", "Average", "min_adjustment_magnitude", 0,
                        "step_adjustment", List.of(Map.of("metric_interval_lower_bound", "0",
                                "metric_interval_upper_bound", "",
                                "scaling_adjustment", changes.getOrDefault("scaling_adjustment", 2))))),
                "target_tracking_scaling_policy_configuration", List.of()))));
        resources.add(resource("aws_appautoscaling_scheduled_action", "night",
                "night-dynamodb-" + TABLE, with(key, Map.of(
                "name", "night", "schedule", changes.getOrDefault("schedule", "cron(0 20 * * ? *)"),
                "timezone", "Europe/Berlin", "start_time", "2026-01-01T00:00:00Z", "end_time", "",
                "scalable_target_action", List.of(Map.of("min_capacity", "5", "max_capacity", "10"))))));
        resources.add(resource("aws_efs_backup_policy", "managed", "fs-managed", Map.of("file_system_id", "fs-managed",
                "backup_policy", List.of(Map.of("status", changes.getOrDefault("backup", "ENABLED"))))));
        resources.add(resource("aws_efs_file_system", "backed_up_by_hand", "fs-backed-up-by-hand", Map.of()));
        resources.add(resource("aws_efs_file_system", "default", "fs-default", Map.of()));
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", resources);
    }

    private static Map<String, Object> with(Map<String, Object> key, Map<String, Object> attributes) {
        Map<String, Object> all = new HashMap<>(key);
        all.putAll(attributes);
        return all;
    }

    private static StateResource resource(String type, String name, String id, Map<String, Object> attributes) {
        Map<String, Object> withId = new HashMap<>(attributes);
        withId.put("id", id);
        return new StateResource(type + "." + name, "", type, name, id, "hand.tfstate", withId);
    }
}
