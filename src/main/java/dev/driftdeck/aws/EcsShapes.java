package dev.driftdeck.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.ClusterConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;

/** ECS clusters' and services' settings in the shapes the provider (5.100) writes them: nested blocks as lists. */
final class EcsShapes {

    private EcsShapes() {
    }

    /** {@code configuration}: execute-command logging and managed storage keys; none configured, no block. */
    static List<Object> clusterConfiguration(ClusterConfiguration configuration) {
        if (configuration == null) {
            return List.of();
        }
        Map<String, Object> block = new LinkedHashMap<>();
        var execute = configuration.executeCommandConfiguration();
        if (execute != null) {
            var log = execute.logConfiguration();
            block.put("execute_command_configuration", List.of(map(
                    "kms_key_id", execute.kmsKeyId(),
                    "logging", execute.loggingAsString(),
                    "log_configuration", log == null ? List.of() : List.of(map(
                            "cloud_watch_encryption_enabled", Boolean.TRUE.equals(log.cloudWatchEncryptionEnabled()),
                            "cloud_watch_log_group_name", log.cloudWatchLogGroupName(),
                            "s3_bucket_encryption_enabled", Boolean.TRUE.equals(log.s3EncryptionEnabled()),
                            "s3_bucket_name", log.s3BucketName(),
                            "s3_key_prefix", log.s3KeyPrefix())))));
        }
        var storage = configuration.managedStorageConfiguration();
        if (storage != null) {
            block.put("managed_storage_configuration", List.of(map(
                    "fargate_ephemeral_storage_kms_key_id", storage.fargateEphemeralStorageKmsKeyId(),
                    "kms_key_id", storage.kmsKeyId())));
        }
        return block.isEmpty() ? List.of() : List.of(block);
    }

    /**
     * A service's settings. {@code cluster}, {@code task_definition} and {@code iam_role} are written by the provider
     * in the form the configuration used (a name or an ARN, {@code family:revision} or an ARN), which the state shows:
     * compared in that form.
     */
    static Attributes service(CollectorContext ctx, Service service) {
        Map<String, Object> state = ctx.managed().resources(ContainerCollectors.ECS_SERVICE).get(service.serviceArn());
        var deployment = service.deploymentConfiguration();
        var breaker = deployment == null ? null : deployment.deploymentCircuitBreaker();
        var alarms = deployment == null ? null : deployment.alarms();
        var network = service.networkConfiguration() == null ? null : service.networkConfiguration().awsvpcConfiguration();
        return Attributes.of()
                .put("cluster", inStateForm(state, "cluster", service.clusterArn()))
                .put("task_definition", inStateForm(state, "task_definition", service.taskDefinition()))
                .put("desired_count", service.desiredCount())
                .put("launch_type", service.launchTypeAsString())
                .put("platform_version", service.platformVersion())
                .put("scheduling_strategy", service.schedulingStrategyAsString())
                .put("availability_zone_rebalancing", service.availabilityZoneRebalancingAsString())
                .put("deployment_maximum_percent", deployment == null ? null : deployment.maximumPercent())
                .put("deployment_minimum_healthy_percent", deployment == null ? null : deployment.minimumHealthyPercent())
                .put("deployment_circuit_breaker", breaker == null ? List.of() : List.of(map(
                        "enable", Boolean.TRUE.equals(breaker.enable()), "rollback", Boolean.TRUE.equals(breaker.rollback()))))
                .put("alarms", alarms == null ? List.of() : List.of(map("alarm_names", alarms.alarmNames(),
                        "enable", Boolean.TRUE.equals(alarms.enable()), "rollback", Boolean.TRUE.equals(alarms.rollback()))))
                .put("deployment_controller", service.deploymentController() == null ? List.of()
                        : List.of(map("type", service.deploymentController().typeAsString())))
                .put("network_configuration", network == null ? List.of() : List.of(map(
                        "assign_public_ip", "ENABLED".equals(network.assignPublicIpAsString()),
                        "security_groups", network.securityGroups(), "subnets", network.subnets())))
                .put("capacity_provider_strategy", service.capacityProviderStrategy().stream().map(item -> map(
                        "base", item.base(), "capacity_provider", item.capacityProvider(), "weight", item.weight())).toList())
                .put("load_balancer", service.loadBalancers().stream().map(lb -> map(
                        "container_name", lb.containerName(), "container_port", lb.containerPort(),
                        "elb_name", lb.loadBalancerName(), "target_group_arn", lb.targetGroupArn())).toList())
                .put("service_registries", service.serviceRegistries().stream().map(registry -> map(
                        "registry_arn", registry.registryArn(), "port", registry.port(),
                        "container_name", registry.containerName(), "container_port", registry.containerPort())).toList())
                .put("ordered_placement_strategy", service.placementStrategy().stream().map(strategy -> map(
                        "type", strategy.typeAsString(), "field", strategy.field())).toList())
                .put("placement_constraints", service.placementConstraints().stream().map(constraint -> map(
                        "type", constraint.typeAsString(), "expression", constraint.expression())).toList())
                .put("enable_ecs_managed_tags", Boolean.TRUE.equals(service.enableECSManagedTags()))
                .put("enable_execute_command", Boolean.TRUE.equals(service.enableExecuteCommand()))
                .put("health_check_grace_period_seconds", service.healthCheckGracePeriodSeconds() == null
                        ? 0 : service.healthCheckGracePeriodSeconds())
                // Only set by the provider when AWS names a role, in the form the state uses (a name or an ARN).
                .put("iam_role", service.roleArn() == null ? state == null ? null : state.get("iam_role")
                        : inStateForm(state, "iam_role", service.roleArn()))
                .put("propagate_tags", service.propagateTagsAsString())
                .put("tags", Tags.toMap(service.tags(), t -> t.key(), t -> t.value()));
    }

    /** An ARN as the state spells it: the ARN itself, or its last path part ({@code name}, {@code family:revision}). */
    private static String inStateForm(Map<String, Object> state, String attribute, String arn) {
        if (arn == null || state == null || !(state.get(attribute) instanceof String spelled) || spelled.startsWith("arn:")) {
            return arn;
        }
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> block = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            block.put((String) pairs[i], pairs[i + 1]);
        }
        return block;
    }
}
