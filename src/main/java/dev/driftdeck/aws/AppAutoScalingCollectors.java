package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import dev.driftdeck.remediation.ImportIds;

/**
 * Application Auto Scaling targets, policies and scheduled actions, per region, over JSON 1.1
 * ({@code AnyScaleFrontendService}) through {@link SignedRequests} (the SDK's applicationautoscaling module is not
 * available here). Every Describe call requires a service namespace, so targets are listed once per namespace, 50
 * a page (the API's maximum): the floor the API allows. Policies and scheduled actions exist only on a registered
 * target, so they are listed only in the namespaces that have one, from the session's one target listing. Target
 * tags cost one ListTagsForResource per managed target.
 *
 * <p>Terraform's state ids are not unique (a target's is its resource id, shared by its dimensions; a scheduled
 * action's is {@code name-namespace-resource}), so each type is matched on what {@code terraform import} takes:
 * {@code namespace/resource-id/dimension}, with {@code /name} for policies and scheduled actions.
 */
final class AppAutoScalingCollectors {

    static final String TARGET = "aws_appautoscaling_target";
    static final String POLICY = "aws_appautoscaling_policy";
    static final String SCHEDULED_ACTION = "aws_appautoscaling_scheduled_action";
    /** Every ServiceNamespace the API accepts (API reference, DescribeScalableTargets). */
    static final List<String> NAMESPACES = List.of("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds",
            "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune",
            "workspaces");
    private static final int PAGE = 50;
    /** API names whose provider name is not their snake case. */
    private static final Map<String, String> RENAMES = Map.of(
            "StepAdjustments", "step_adjustment",
            "Dimensions", "dimensions",
            "Metrics", "metrics",
            "MetricStat", "metric_stat");

    private AppAutoScalingCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(TARGET)
                        .actions("application-autoscaling:DescribeScalableTargets",
                                "application-autoscaling:ListTagsForResource")
                        .idFrom("service_namespace", "resource_id", "scalable_dimension")
                        .compare("min_capacity", SCALAR).compare("max_capacity", SCALAR).compare("role_arn", STRING)
                        .compare("suspended_state", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "service_namespace", "resource_id", "scalable_dimension")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AppAutoScalingCollectors::targets),
                CollectorDefinition.regional(POLICY).actions("application-autoscaling:DescribeScalingPolicies",
                                "application-autoscaling:DescribeScalableTargets")
                        .idFrom("service_namespace", "resource_id", "scalable_dimension", "name")
                        .compare("policy_type", STRING).compare("step_scaling_policy_configuration", SET)
                        .compare("target_tracking_scaling_policy_configuration", SET)
                        .notCompared(NotCompared.IDENTITY, "service_namespace", "resource_id", "scalable_dimension",
                                "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AppAutoScalingCollectors::policies),
                CollectorDefinition.regional(SCHEDULED_ACTION)
                        .actions("application-autoscaling:DescribeScheduledActions",
                                "application-autoscaling:DescribeScalableTargets")
                        .idFrom("service_namespace", "resource_id", "scalable_dimension", "name")
                        .compare("schedule", STRING).compare("timezone", STRING).compare("start_time", STRING)
                        .compare("end_time", STRING).compare("scalable_target_action", SET)
                        .notCompared(NotCompared.IDENTITY, "service_namespace", "resource_id", "scalable_dimension",
                                "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AppAutoScalingCollectors::scheduledActions));
    }

    /** Every scalable target of the region, listed once per session for the three types. */
    private static List<JsonNode> scalableTargets(CollectorContext ctx, SignedRequests api) {
        return ctx.session().shared("application-autoscaling:targets:" + ctx.account() + ":" + ctx.region(),
                () -> list(api, "DescribeScalableTargets", "ScalableTargets", NAMESPACES));
    }

    /** The namespaces with a registered target: the only ones that can hold policies and scheduled actions. */
    private static List<String> namespacesInUse(CollectorContext ctx, SignedRequests api) {
        return scalableTargets(ctx, api).stream().map(t -> t.path("ServiceNamespace").asText()).distinct().sorted()
                .toList();
    }

    /** Every item of {@code operation} in the namespaces, all pages. */
    private static List<JsonNode> list(SignedRequests api, String operation, String items, List<String> namespaces) {
        List<JsonNode> all = new ArrayList<>();
        for (String namespace : namespaces) {
            try {
                all.addAll(SignedRequests.items(SignedRequests.pages(token -> {
                    ObjectNode body = SignedRequests.body().put("ServiceNamespace", namespace).put("MaxResults", PAGE);
                    if (token != null) {
                        body.put("NextToken", token);
                    }
                    return api.json(operation, body);
                }, "NextToken"), items));
            } catch (RuntimeException e) {
                // An endpoint that does not know the namespace (an emulator, a partition without the service)
                // can hold nothing in it; any other failure fails the listing.
                if (!AwsErrors.hasCode(e, "ValidationException") || !String.valueOf(e.getMessage())
                        .contains("'" + namespace + "'")) {
                    throw e;
                }
            }
        }
        return all;
    }

    private static String key(JsonNode item, String... more) {
        StringBuilder id = new StringBuilder(item.path("ServiceNamespace").asText()).append('/')
                .append(item.path("ResourceId").asText()).append('/').append(item.path("ScalableDimension").asText());
        for (String field : more) {
            id.append('/').append(item.path(field).asText());
        }
        return id.toString();
    }

    private static List<LiveResource> targets(CollectorContext ctx) {
        SignedRequests api = ctx.session().signed(RawApi.APPLICATION_AUTOSCALING, ctx.region());
        return collect(ctx, TARGET, scalableTargets(ctx, api), t -> key(t), target -> {
            JsonNode suspended = target.path("SuspendedState");
            boolean anySuspended = suspended.path("DynamicScalingInSuspended").asBoolean()
                    || suspended.path("DynamicScalingOutSuspended").asBoolean()
                    || suspended.path("ScheduledScalingSuspended").asBoolean();
            String arn = RawShapes.text(target, "ScalableTargetARN");
            // Targets registered before 2023-03-20 have no ARN and so no tags.
            Map<String, Object> tags = arn == null ? Map.of() : jsonMap(api.json("ListTagsForResource",
                    SignedRequests.body().put("ResourceARN", arn)).path("Tags"));
            return Attributes.of()
                    .put("min_capacity", RawShapes.number(target, "MinCapacity", 0))
                    .put("max_capacity", RawShapes.number(target, "MaxCapacity", 0))
                    .put("role_arn", RawShapes.text(target, "RoleARN"))
                    // The provider leaves the block out unless some scaling is suspended.
                    .put("suspended_state", anySuspended ? List.of(Map.of(
                            "dynamic_scaling_in_suspended", suspended.path("DynamicScalingInSuspended").asBoolean(),
                            "dynamic_scaling_out_suspended", suspended.path("DynamicScalingOutSuspended").asBoolean(),
                            "scheduled_scaling_suspended", suspended.path("ScheduledScalingSuspended").asBoolean()))
                            : List.of())
                    .put("tags", tags)
                    .build();
        });
    }

    private static List<LiveResource> policies(CollectorContext ctx) {
        SignedRequests api = ctx.session().signed(RawApi.APPLICATION_AUTOSCALING, ctx.region());
        return collect(ctx, POLICY, list(api, "DescribeScalingPolicies", "ScalingPolicies", namespacesInUse(ctx, api)),
                p -> key(p, "PolicyName"), policy -> Attributes.of()
                        .put("policy_type", RawShapes.text(policy, "PolicyType"))
                        .put("step_scaling_policy_configuration",
                                stepScaling(policy.path("StepScalingPolicyConfiguration")))
                        .put("target_tracking_scaling_policy_configuration", withDefaults(RawShapes.block(
                                policy.path("TargetTrackingScalingPolicyConfiguration"), RENAMES),
                                Map.of("disable_scale_in", false, "scale_in_cooldown", 0, "scale_out_cooldown", 0)))
                        .build());
    }

    /** What the provider writes for a setting AWS leaves out (false, 0): the block's fields are filled in. */
    private static List<Object> withDefaults(List<Object> block, Map<String, Object> defaults) {
        if (!block.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) block.getFirst();
            defaults.forEach(fields::putIfAbsent);
        }
        return block;
    }

    /** The provider writes step bounds as strings ({@code metric_interval_lower_bound = "0"}). */
    private static List<Object> stepScaling(JsonNode configuration) {
        List<Object> block = withDefaults(RawShapes.block(configuration, RENAMES),
                Map.of("cooldown", 0, "min_adjustment_magnitude", 0));
        if (!block.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) block.getFirst();
            if (fields.get("step_adjustment") instanceof List<?> steps) {
                for (Object step : steps) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> bounds = (Map<String, Object>) step;
                    for (String bound : List.of("metric_interval_lower_bound", "metric_interval_upper_bound")) {
                        if (bounds.get(bound) instanceof java.math.BigDecimal number) {
                            bounds.put(bound, number.stripTrailingZeros().toPlainString());
                        }
                    }
                }
            }
        }
        return block;
    }

    private static List<LiveResource> scheduledActions(CollectorContext ctx) {
        SignedRequests api = ctx.session().signed(RawApi.APPLICATION_AUTOSCALING, ctx.region());
        return collect(ctx, SCHEDULED_ACTION, list(api, "DescribeScheduledActions", "ScheduledActions",
                        namespacesInUse(ctx, api)),
                a -> key(a, "ScheduledActionName"), action -> {
                    JsonNode capacity = action.path("ScalableTargetAction");
                    Map<String, Object> block = new LinkedHashMap<>();
                    // The provider writes the capacities as strings, "" when unset.
                    block.put("min_capacity", capacity.has("MinCapacity") ? capacity.path("MinCapacity").asText() : "");
                    block.put("max_capacity", capacity.has("MaxCapacity") ? capacity.path("MaxCapacity").asText() : "");
                    return Attributes.of()
                            .put("schedule", RawShapes.text(action, "Schedule"))
                            .put("timezone", RawShapes.text(action, "Timezone"))
                            .put("start_time", time(action.path("StartTime")))
                            .put("end_time", time(action.path("EndTime")))
                            .put("scalable_target_action", capacity.isObject() ? List.of(block) : List.of())
                            .build();
                });
    }

    /** JSON 1.1 sends timestamps as epoch seconds; the provider writes RFC 3339 in UTC. */
    private static String time(JsonNode epochSeconds) {
        if (!epochSeconds.isNumber()) {
            return null;
        }
        long millis = epochSeconds.decimalValue().movePointRight(3).longValue();
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(java.time.Instant.ofEpochMilli(millis));
    }

    private static Map<String, Object> jsonMap(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.properties().forEach(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static List<LiveResource> collect(CollectorContext ctx, String type, List<JsonNode> items,
                                              Function<JsonNode, String> id,
                                              Function<JsonNode, Map<String, Object>> attributes) {
        List<LiveResource> resources = new ArrayList<>();
        for (JsonNode item : items) {
            String key = id.apply(item);
            resources.add(ctx.manages(type, key) ? ctx.resource(type, key, attributes.apply(item))
                    : ctx.identityOnly(type, key));
        }
        return resources;
    }
}
