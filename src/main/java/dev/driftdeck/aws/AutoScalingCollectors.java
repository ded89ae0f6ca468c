package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.BlockDeviceMapping;
import software.amazon.awssdk.services.autoscaling.model.EnabledMetric;
import software.amazon.awssdk.services.autoscaling.model.LaunchConfiguration;
import software.amazon.awssdk.services.autoscaling.model.LifecycleHook;
import software.amazon.awssdk.services.autoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.autoscaling.model.ScheduledUpdateGroupAction;
import software.amazon.awssdk.services.autoscaling.model.StepAdjustment;
import software.amazon.awssdk.services.autoscaling.model.SuspendedProcess;
import software.amazon.awssdk.services.autoscaling.model.TargetTrackingConfiguration;
import software.amazon.awssdk.services.autoscaling.model.WarmPoolConfiguration;
import dev.driftdeck.remediation.ImportIds;

/**
 * EC2 Auto Scaling, per region: groups, launch configurations, scaling policies, scheduled actions and lifecycle
 * hooks. Groups, launch configurations, policies and scheduled actions are listed account-wide, 100 a page, with
 * their whole configuration (no detail call); lifecycle hooks have no such listing, so DescribeLifecycleHooks runs
 * per group a state manages. Policies, scheduled actions and hooks are named {@code group/name}, what
 * {@code terraform import} takes (Terraform's own id, the bare name, is unique only within its group). Those of a
 * group no state manages are that group's business: the group is the one UNMANAGED finding. A group an EKS managed
 * node group owns is EKS's, left out unless {@code --strict} (the node group is what Terraform manages).
 */
final class AutoScalingCollectors {

    static final String GROUP = "aws_autoscaling_group";
    static final String LAUNCH_CONFIGURATION = "aws_launch_configuration";
    static final String POLICY = "aws_autoscaling_policy";
    static final String SCHEDULE = "aws_autoscaling_schedule";
    static final String LIFECYCLE_HOOK = "aws_autoscaling_lifecycle_hook";
    private static final int PAGE = 100;
    private static final String EKS_NODE_GROUP_TAG = "eks:nodegroup-name";
    /** Nested shapes whose provider form has not been checked against a real state yet: honest rather than noisy. */
    private static final String NOT_MAPPED = "nested shape not mapped yet (a wrong mapping would be false drift)";

    private AutoScalingCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(GROUP).actions("autoscaling:DescribeAutoScalingGroups")
                        .compare("min_size", SCALAR).compare("max_size", SCALAR).compare("desired_capacity", SCALAR)
                        .compare("default_cooldown", SCALAR).compare("health_check_type", STRING)
                        .compare("health_check_grace_period", SCALAR).compare("default_instance_warmup", SCALAR)
                        .compare("max_instance_lifetime", SCALAR).compare("capacity_rebalance", SCALAR)
                        .compare("protect_from_scale_in", SCALAR).compare("availability_zones", SET)
                        .compare("vpc_zone_identifier", SET).compare("launch_configuration", STRING)
                        .compare("launch_template", SET).compare("load_balancers", SET)
                        .compare("target_group_arns", SET).compare("traffic_source", SET)
                        .compare("termination_policies", STRING).compare("suspended_processes", SET)
                        .compare("enabled_metrics", SET).compare("metrics_granularity", STRING)
                        .compare("placement_group", STRING).compare("service_linked_role_arn", STRING)
                        .compare("desired_capacity_type", STRING).compare("context", STRING)
                        .compare("instance_maintenance_policy", SET).compare("availability_zone_distribution", SET)
                        .compare("capacity_reservation_specification", SET).compare("warm_pool", SET)
                        .compare("tag", SET)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix", "initial_lifecycle_hook")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_delete", "force_delete_warm_pool",
                                "wait_for_capacity_timeout", "wait_for_elb_capacity", "min_elb_capacity",
                                "ignore_failed_scaling_activities", "instance_refresh")
                        .notCompared(NOT_MAPPED, "mixed_instances_policy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AutoScalingCollectors::groups),
                CollectorDefinition.regional(LAUNCH_CONFIGURATION).actions("autoscaling:DescribeLaunchConfigurations")
                        .compare("image_id", STRING).compare("instance_type", STRING).compare("key_name", STRING)
                        .compare("iam_instance_profile", STRING).compare("security_groups", SET)
                        .compare("associate_public_ip_address", SCALAR).compare("ebs_optimized", SCALAR)
                        .compare("enable_monitoring", SCALAR).compare("placement_tenancy", STRING)
                        .compare("spot_price", STRING).compare("metadata_options", SET)
                        .compare("user_data", STRING).compare("user_data_base64", STRING)
                        .compare("ephemeral_block_device", SET)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared("telling the root device from the others needs the image's root device name "
                                + "(ec2:DescribeImages); a launch configuration cannot be edited in place",
                                "root_block_device", "ebs_block_device")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AutoScalingCollectors::launchConfigurations),
                CollectorDefinition.regional(POLICY).actions("autoscaling:DescribePolicies")
                        .idFrom("autoscaling_group_name", "name")
                        .compare("policy_type", STRING).compare("adjustment_type", STRING)
                        .compare("scaling_adjustment", SCALAR).compare("cooldown", SCALAR)
                        .compare("min_adjustment_magnitude", SCALAR).compare("metric_aggregation_type", STRING)
                        .compare("estimated_instance_warmup", SCALAR).compare("enabled", SCALAR)
                        .compare("step_adjustment", SET).compare("target_tracking_configuration", SET)
                        .notCompared(NotCompared.IDENTITY, "autoscaling_group_name", "name")
                        .notCompared(NOT_MAPPED, "predictive_scaling_configuration")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AutoScalingCollectors::policies),
                CollectorDefinition.regional(SCHEDULE).actions("autoscaling:DescribeScheduledActions")
                        .idFrom("autoscaling_group_name", "scheduled_action_name")
                        .compare("min_size", SCALAR).compare("max_size", SCALAR).compare("desired_capacity", SCALAR)
                        .compare("recurrence", STRING).compare("time_zone", STRING)
                        .compare("start_time", STRING).compare("end_time", STRING)
                        .notCompared(NotCompared.IDENTITY, "autoscaling_group_name", "scheduled_action_name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AutoScalingCollectors::schedules),
                CollectorDefinition.regional(LIFECYCLE_HOOK).actions("autoscaling:DescribeLifecycleHooks")
                        .idFrom("autoscaling_group_name", "name")
                        .compare("lifecycle_transition", STRING).compare("default_result", STRING)
                        .compare("heartbeat_timeout", SCALAR).compare("notification_metadata", STRING)
                        .compare("notification_target_arn", STRING).compare("role_arn", STRING)
                        .notCompared(NotCompared.IDENTITY, "autoscaling_group_name", "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(AutoScalingCollectors::lifecycleHooks));
    }

    // ---- groups

    private static List<LiveResource> groups(CollectorContext ctx) {
        List<LiveResource> groups = new ArrayList<>();
        for (AutoScalingGroup group : autoscaling(ctx).describeAutoScalingGroupsPaginator(r -> r.maxRecords(PAGE))
                .autoScalingGroups()) {
            String name = group.autoScalingGroupName();
            if (!ctx.manages(GROUP, name)) {
                if (ctx.strict() || !ownedByEks(group)) {
                    groups.add(ctx.identityOnly(GROUP, name));
                }
                continue;
            }
            groups.add(ctx.resource(GROUP, name, groupAttributes(group, ctx.managed().resources(GROUP).get(name))));
        }
        return groups;
    }

    private static boolean ownedByEks(AutoScalingGroup group) {
        return group.tags().stream().anyMatch(tag -> EKS_NODE_GROUP_TAG.equals(tag.key()));
    }

    /** Unset numbers as the provider writes them (0), lists always lists, blocks as Terraform's lists. */
    private static Map<String, Object> groupAttributes(AutoScalingGroup group, Map<String, Object> state) {
        List<EnabledMetric> metrics = group.enabledMetrics();
        String vpcZones = group.vpcZoneIdentifier();
        return Attributes.of()
                .put("min_size", group.minSize())
                .put("max_size", group.maxSize())
                .put("desired_capacity", group.desiredCapacity())
                .put("default_cooldown", group.defaultCooldown())
                .put("health_check_type", group.healthCheckType())
                .put("health_check_grace_period", orZero(group.healthCheckGracePeriod()))
                .put("default_instance_warmup", orZero(group.defaultInstanceWarmup()))
                .put("max_instance_lifetime", orZero(group.maxInstanceLifetime()))
                .put("capacity_rebalance", Boolean.TRUE.equals(group.capacityRebalance()))
                .put("protect_from_scale_in", Boolean.TRUE.equals(group.newInstancesProtectedFromScaleIn()))
                .put("availability_zones", group.availabilityZones())
                .put("vpc_zone_identifier", vpcZones == null || vpcZones.isEmpty() ? List.of() : List.of(vpcZones.split(",")))
                .put("launch_configuration", group.launchConfigurationName())
                .put("launch_template", group.launchTemplate() == null ? List.of() : List.of(Attributes.of()
                        .put("id", group.launchTemplate().launchTemplateId())
                        .put("name", group.launchTemplate().launchTemplateName())
                        .put("version", group.launchTemplate().version())
                        .build()))
                .put("load_balancers", group.loadBalancerNames())
                .put("target_group_arns", group.targetGroupARNs())
                .put("traffic_source", group.trafficSources().stream().map(SdkShapes::blockMap).toList())
                .put("termination_policies", terminationPolicies(group, state))
                .put("suspended_processes", group.suspendedProcesses().stream().map(SuspendedProcess::processName).toList())
                .put("enabled_metrics", metrics.stream().map(EnabledMetric::metric).toList())
                .put("metrics_granularity", metrics.isEmpty() ? "1Minute" : metrics.getFirst().granularity())
                .put("placement_group", group.placementGroup())
                .put("service_linked_role_arn", group.serviceLinkedRoleARN())
                .put("desired_capacity_type", group.desiredCapacityType())
                .put("context", group.context())
                .put("instance_maintenance_policy", SdkShapes.block(group.instanceMaintenancePolicy()))
                // The provider writes these two blocks even when AWS returns nothing: one block of unset fields.
                .put("availability_zone_distribution", alwaysOne(group.availabilityZoneDistribution()))
                .put("capacity_reservation_specification", alwaysOne(group.capacityReservationSpecification()))
                .put("warm_pool", warmPool(group.warmPoolConfiguration()))
                .put("tag", group.tags().stream().filter(tag -> !tag.key().startsWith("aws:"))
                        .map(tag -> Attributes.of()
                                .put("key", tag.key())
                                .put("value", tag.value())
                                .put("propagate_at_launch", Boolean.TRUE.equals(tag.propagateAtLaunch()))
                                .build())
                        .toList())
                .build();
    }

    /**
     * AWS reports {@code Default} for a group whose policies were never set, where the state may hold none: the
     * same setting. Order matters otherwise (the first policy is applied first), so the list is compared as it is.
     */
    private static List<String> terminationPolicies(AutoScalingGroup group, Map<String, Object> state) {
        List<String> live = List.copyOf(group.terminationPolicies());
        boolean stateEmpty = !(state.get("termination_policies") instanceof List<?> policies) || policies.isEmpty();
        return live.equals(List.of("Default")) && stateEmpty ? List.of() : live;
    }

    private static List<Object> alwaysOne(SdkPojo block) {
        return block == null ? List.of(Map.of()) : SdkShapes.block(block);
    }

    /** As the provider flattens it: an unset prepared capacity is -1, an unset minimum 0. */
    private static List<Object> warmPool(WarmPoolConfiguration pool) {
        if (pool == null) {
            return List.of();
        }
        return List.of(Attributes.of()
                .put("instance_reuse_policy", SdkShapes.block(pool.instanceReusePolicy()))
                .put("max_group_prepared_capacity", pool.maxGroupPreparedCapacity() == null ? -1 : pool.maxGroupPreparedCapacity())
                .put("min_size", orZero(pool.minSize()))
                .put("pool_state", pool.poolStateAsString())
                .build());
    }

    // ---- launch configurations

    private static List<LiveResource> launchConfigurations(CollectorContext ctx) {
        List<LiveResource> configurations = new ArrayList<>();
        for (LaunchConfiguration lc : autoscaling(ctx).describeLaunchConfigurationsPaginator(r -> r.maxRecords(PAGE))
                .launchConfigurations()) {
            String name = lc.launchConfigurationName();
            Map<String, Object> state = ctx.managed().resources(LAUNCH_CONFIGURATION).get(name);
            configurations.add(state == null ? ctx.identityOnly(LAUNCH_CONFIGURATION, name)
                    : ctx.resource(LAUNCH_CONFIGURATION, name, launchConfigurationAttributes(lc, state)));
        }
        return configurations;
    }

    private static Map<String, Object> launchConfigurationAttributes(LaunchConfiguration lc, Map<String, Object> state) {
        // The provider keeps user data as a SHA-1 of the decoded text, or as the raw base64 when the configuration
        // gave user_data_base64: the live value takes the form this state uses.
        String userData = lc.userData() == null || lc.userData().isEmpty() ? null : lc.userData();
        boolean asBase64 = state.get("user_data_base64") instanceof String b64 && !b64.isEmpty();
        return Attributes.of()
                .put("image_id", lc.imageId())
                .put("instance_type", lc.instanceType())
                .put("key_name", lc.keyName())
                .put("iam_instance_profile", lc.iamInstanceProfile())
                .put("security_groups", lc.securityGroups())
                .put("associate_public_ip_address", Boolean.TRUE.equals(lc.associatePublicIpAddress()))
                .put("ebs_optimized", Boolean.TRUE.equals(lc.ebsOptimized()))
                .put("enable_monitoring", lc.instanceMonitoring() == null ? null : lc.instanceMonitoring().enabled())
                .put("placement_tenancy", lc.placementTenancy())
                .put("spot_price", lc.spotPrice())
                .put("metadata_options", SdkShapes.block(lc.metadataOptions()))
                .put("user_data", userData == null || asBase64 ? null : userDataHash(userData))
                .put("user_data_base64", asBase64 ? userData : null)
                .put("ephemeral_block_device", lc.blockDeviceMappings().stream()
                        .filter(device -> device.virtualName() != null)
                        .map(AutoScalingCollectors::ephemeral)
                        .toList())
                .build();
    }

    private static Map<String, Object> ephemeral(BlockDeviceMapping device) {
        return Attributes.of()
                .put("device_name", device.deviceName())
                .put("no_device", Boolean.TRUE.equals(device.noDevice()))
                .put("virtual_name", device.virtualName())
                .build();
    }

    /** The provider's user data hash: SHA-1 (hex) of the base64-decoded text, of the text itself if it is not base64. */
    static String userDataHash(String userData) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(userData);
        } catch (IllegalArgumentException notBase64) {
            bytes = userData.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    // ---- policies

    private static List<LiveResource> policies(CollectorContext ctx) {
        Set<String> groups = managedGroups(ctx, POLICY);
        if (groups.isEmpty()) {
            return List.of(); // no group managed: nothing of this type is anyone's to report, no call
        }
        List<LiveResource> policies = new ArrayList<>();
        for (ScalingPolicy policy : autoscaling(ctx).describePoliciesPaginator(r -> r.maxRecords(PAGE)).scalingPolicies()) {
            if (!groups.contains(policy.autoScalingGroupName())) {
                continue;
            }
            String id = policy.autoScalingGroupName() + "/" + policy.policyName();
            policies.add(!ctx.manages(POLICY, id) ? ctx.identityOnly(POLICY, id) : ctx.resource(POLICY, id, Attributes.of()
                    .put("autoscaling_group_name", policy.autoScalingGroupName())
                    .put("name", policy.policyName())
                    .put("policy_type", policy.policyType())
                    .put("adjustment_type", policy.adjustmentType())
                    .put("scaling_adjustment", orZero(policy.scalingAdjustment()))
                    .put("cooldown", orZero(policy.cooldown()))
                    .put("min_adjustment_magnitude", orZero(policy.minAdjustmentMagnitude()))
                    .put("metric_aggregation_type", policy.metricAggregationType())
                    .put("estimated_instance_warmup", orZero(policy.estimatedInstanceWarmup()))
                    .put("enabled", Boolean.TRUE.equals(policy.enabled()))
                    .put("step_adjustment", policy.stepAdjustments().stream().map(AutoScalingCollectors::step).toList())
                    .put("target_tracking_configuration", targetTracking(policy.targetTrackingConfiguration()))
                    .build()));
        }
        return policies;
    }

    /** Bounds are strings in the provider's schema, written as Go formats a float ({@code 0}, {@code 10.5}). */
    private static Map<String, Object> step(StepAdjustment step) {
        return Attributes.of()
                .put("metric_interval_lower_bound", bound(step.metricIntervalLowerBound()))
                .put("metric_interval_upper_bound", bound(step.metricIntervalUpperBound()))
                .put("scaling_adjustment", step.scalingAdjustment())
                .build();
    }

    private static String bound(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static List<Object> targetTracking(TargetTrackingConfiguration config) {
        if (config == null) {
            return List.of();
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("predefined_metric_specification", SdkShapes.block(config.predefinedMetricSpecification()));
        var custom = config.customizedMetricSpecification();
        block.put("customized_metric_specification", custom == null ? List.of() : List.of(Attributes.of()
                .put("metric_dimension", custom.dimensions().stream().map(SdkShapes::blockMap).toList())
                .put("metric_name", custom.metricName())
                .put("namespace", custom.namespace())
                .put("statistic", custom.statisticAsString())
                .put("unit", custom.unit())
                .put("period", custom.period())
                .put("metrics", custom.metrics().stream().map(SdkShapes::blockMap).toList())
                .build()));
        block.put("disable_scale_in", Boolean.TRUE.equals(config.disableScaleIn()));
        block.put("target_value", config.targetValue());
        return List.of(block);
    }

    // ---- scheduled actions

    private static List<LiveResource> schedules(CollectorContext ctx) {
        Set<String> groups = managedGroups(ctx, SCHEDULE);
        if (groups.isEmpty()) {
            return List.of(); // no group managed: nothing of this type is anyone's to report, no call
        }
        List<LiveResource> schedules = new ArrayList<>();
        for (ScheduledUpdateGroupAction action : autoscaling(ctx)
                .describeScheduledActionsPaginator(r -> r.maxRecords(PAGE)).scheduledUpdateGroupActions()) {
            if (!groups.contains(action.autoScalingGroupName())) {
                continue;
            }
            String id = action.autoScalingGroupName() + "/" + action.scheduledActionName();
            Map<String, Object> state = ctx.managed().resources(SCHEDULE).get(id);
            schedules.add(state == null ? ctx.identityOnly(SCHEDULE, id) : ctx.resource(SCHEDULE, id, Attributes.of()
                    .put("autoscaling_group_name", action.autoScalingGroupName())
                    .put("scheduled_action_name", action.scheduledActionName())
                    // -1 is the provider's "not set" for the three sizes.
                    .put("min_size", action.minSize() == null ? -1 : action.minSize())
                    .put("max_size", action.maxSize() == null ? -1 : action.maxSize())
                    .put("desired_capacity", action.desiredCapacity() == null ? -1 : action.desiredCapacity())
                    .put("recurrence", action.recurrence())
                    .put("time_zone", action.timeZone())
                    // A recurring action's start time in AWS is its next run, which moves every day: compared
                    // only for one-off actions, where it is what the operator set.
                    .put("start_time", action.recurrence() != null && !action.recurrence().isEmpty()
                            ? state.get("start_time") : time(action.startTime()))
                    .put("end_time", time(action.endTime()))
                    .build()));
        }
        return schedules;
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    // ---- lifecycle hooks

    /** One DescribeLifecycleHooks per group a state manages (as the group or through one of its hooks). */
    private static List<LiveResource> lifecycleHooks(CollectorContext ctx) {
        List<LiveResource> hooks = new ArrayList<>();
        for (String group : managedGroups(ctx, LIFECYCLE_HOOK)) {
            List<LifecycleHook> ofGroup;
            try {
                ofGroup = autoscaling(ctx).describeLifecycleHooks(r -> r.autoScalingGroupName(group)).lifecycleHooks();
            } catch (AutoScalingException e) {
                if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())) {
                    continue; // the group is gone: its hooks are MISSING, the group too
                }
                throw e;
            }
            for (LifecycleHook hook : ofGroup) {
                String id = group + "/" + hook.lifecycleHookName();
                hooks.add(!ctx.manages(LIFECYCLE_HOOK, id) ? ctx.identityOnly(LIFECYCLE_HOOK, id)
                        : ctx.resource(LIFECYCLE_HOOK, id, Attributes.of()
                                .put("autoscaling_group_name", group)
                                .put("name", hook.lifecycleHookName())
                                .put("lifecycle_transition", hook.lifecycleTransition())
                                .put("default_result", hook.defaultResult())
                                .put("heartbeat_timeout", hook.heartbeatTimeout())
                                .put("notification_metadata", hook.notificationMetadata())
                                .put("notification_target_arn", hook.notificationTargetARN())
                                .put("role_arn", hook.roleARN())
                                .build()));
            }
        }
        return hooks;
    }

    /** The groups whose children of this type are checked: managed groups, and the groups managed children name. */
    private static Set<String> managedGroups(CollectorContext ctx, String childType) {
        Set<String> groups = new LinkedHashSet<>(ctx.managed().ids(GROUP));
        ctx.managed().resources(childType).values().forEach(child -> {
            if (child.get("autoscaling_group_name") instanceof String group) {
                groups.add(group);
            }
        });
        return groups;
    }

    private static AutoScalingClient autoscaling(CollectorContext ctx) {
        return ctx.session().autoscaling(ctx.region());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
