package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.AssignPublicIp;
import software.amazon.awssdk.services.eventbridge.model.EcsParameters;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The targets of the EventBridge rules a state manages, in the provider 5.100 state's shapes: each target kind's
 * parameters as a one-element block list (absent: none), booleans and counts as the provider writes them.
 */
final class EventBridgeTargets {

    private EventBridgeTargets() {
    }

    static List<LiveResource> targets(CollectorContext ctx) {
        EventBridgeClient events = ctx.session().eventBridge(ctx.region());
        List<LiveResource> resources = new ArrayList<>();
        for (String[] rule : EventBridgeCollectors.managedRules(ctx).values()) {
            for (Target target : EventBridgeCollectors.targetsOf(events, rule[0], rule[1])) {
                String id = rule[0] + "/" + rule[1] + "/" + target.id();
                resources.add(ctx.manages(EventBridgeCollectors.TARGET, id)
                        ? ctx.resource(EventBridgeCollectors.TARGET, id, attributes(target))
                        : ctx.identityOnly(EventBridgeCollectors.TARGET, id));
            }
        }
        return resources;
    }

    static Map<String, Object> attributes(Target target) {
        return Attributes.of()
                .put("arn", target.arn())
                .put("role_arn", target.roleArn())
                .put("input", target.input())
                .put("input_path", target.inputPath())
                .put("input_transformer", block(target.inputTransformer(), t -> Attributes.of()
                        .put("input_template", t.inputTemplate())
                        .put("input_paths", t.inputPathsMap())
                        .build()))
                .put("dead_letter_config", block(target.deadLetterConfig(), d -> Map.of("arn", text(d.arn()))))
                .put("retry_policy", block(target.retryPolicy(), r -> Attributes.of()
                        .put("maximum_event_age_in_seconds", number(r.maximumEventAgeInSeconds()))
                        .put("maximum_retry_attempts", number(r.maximumRetryAttempts()))
                        .build()))
                .put("sqs_target", block(target.sqsParameters(), s -> Map.of("message_group_id", text(s.messageGroupId()))))
                .put("kinesis_target", block(target.kinesisParameters(),
                        k -> Map.of("partition_key_path", text(k.partitionKeyPath()))))
                .put("http_target", block(target.httpParameters(), h -> Attributes.of()
                        .put("header_parameters", h.headerParameters())
                        .put("path_parameter_values", h.pathParameterValues())
                        .put("query_string_parameters", h.queryStringParameters())
                        .build()))
                .put("ecs_target", block(target.ecsParameters(), EventBridgeTargets::ecs))
                .put("batch_target", block(target.batchParameters(), b -> Attributes.of()
                        .put("job_definition", b.jobDefinition())
                        .put("job_name", b.jobName())
                        .put("array_size", b.arrayProperties() == null ? null : b.arrayProperties().size())
                        .put("job_attempts", b.retryStrategy() == null ? null : b.retryStrategy().attempts())
                        .build()))
                .put("redshift_target", block(target.redshiftDataParameters(), r -> Attributes.of()
                        .put("database", r.database())
                        .put("db_user", r.dbUser())
                        .put("secrets_manager_arn", r.secretManagerArn())
                        .put("sql", r.sql())
                        .put("statement_name", r.statementName())
                        .put("with_event", Boolean.TRUE.equals(r.withEvent()))
                        .build()))
                .put("run_command_targets", target.runCommandParameters() == null ? List.of()
                        : target.runCommandParameters().runCommandTargets().stream()
                        .map(t -> Map.<String, Object>of("key", text(t.key()), "values", t.values())).toList())
                .put("sagemaker_pipeline_target", block(target.sageMakerPipelineParameters(), p -> Map.of(
                        "pipeline_parameter_list", p.pipelineParameterList().stream()
                                .map(parameter -> Map.of("name", text(parameter.name()), "value", text(parameter.value())))
                                .toList())))
                .put("appsync_target", block(target.appSyncParameters(),
                        a -> Map.of("graphql_operation", text(a.graphQLOperation()))))
                .build();
    }

    /** As the provider flattens EcsParameters: flags false and the task count 0 when AWS leaves them out. */
    private static Map<String, Object> ecs(EcsParameters ecs) {
        var network = ecs.networkConfiguration() == null ? null : ecs.networkConfiguration().awsvpcConfiguration();
        return Attributes.of()
                .put("group", ecs.group())
                .put("launch_type", ecs.launchTypeAsString())
                .put("network_configuration", network == null ? List.of() : List.of(Attributes.of()
                        .put("security_groups", network.securityGroups())
                        .put("subnets", network.subnets())
                        .put("assign_public_ip", network.assignPublicIp() == AssignPublicIp.ENABLED)
                        .build()))
                .put("platform_version", ecs.platformVersion())
                .put("propagate_tags", ecs.propagateTagsAsString())
                .put("placement_constraint", ecs.placementConstraints().stream().map(c -> Attributes.of()
                        .put("type", c.typeAsString()).put("expression", c.expression()).build()).toList())
                .put("ordered_placement_strategy", ecs.placementStrategy().stream().map(s -> Attributes.of()
                        .put("type", s.typeAsString()).put("field", s.field()).build()).toList())
                .put("capacity_provider_strategy", ecs.capacityProviderStrategy().stream().map(s -> Attributes.of()
                        .put("capacity_provider", s.capacityProvider())
                        .put("weight", number(s.weight()))
                        .put("base", number(s.base()))
                        .build()).toList())
                .put("tags", Tags.toMap(ecs.tags(), t -> t.key(), t -> t.value()))
                .put("enable_execute_command", Boolean.TRUE.equals(ecs.enableExecuteCommand()))
                .put("enable_ecs_managed_tags", Boolean.TRUE.equals(ecs.enableECSManagedTags()))
                .put("task_count", number(ecs.taskCount()))
                .put("task_definition_arn", ecs.taskDefinitionArn())
                .build();
    }

    private static <T> List<Map<String, Object>> block(T value, java.util.function.Function<T, Map<String, ?>> flatten) {
        return value == null ? List.of() : List.of(new LinkedHashMap<>(flatten.apply(value)));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static int number(Integer value) {
        return value == null ? 0 : value;
    }
}
