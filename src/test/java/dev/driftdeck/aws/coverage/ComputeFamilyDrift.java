package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.LogType;

/**
 * What an operator does in the console to the {@code fixtures/terraform/compute} resources: edits, deletions and
 * hand-made additions; returns the findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class ComputeFamilyDrift {

    private static final String GROUP = "compute-asg-0";
    private static final String LAUNCHING = "autoscaling:EC2_INSTANCE_LAUNCHING";

    private ComputeFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        autoScaling(f, expected);
        eks(f, expected);
        certificates(f, expected);
        taskDefinitions(f, expected);
        return expected;
    }

    private static void autoScaling(CoverageFixture f, List<String> expected) {
        try (AutoScalingClient autoscaling = MotoClients.of(AutoScalingClient.builder())) {
            autoscaling.updateAutoScalingGroup(r -> r.autoScalingGroupName(GROUP).maxSize(3));
            autoscaling.createOrUpdateTags(r -> r.tags(t -> t.resourceId(GROUP).resourceType("auto-scaling-group")
                    .key("Owner").value("ops").propagateAtLaunch(false)));
            expected.addAll(List.of("CHANGED aws_autoscaling_group.g[0] max_size", "CHANGED aws_autoscaling_group.g[0] tag"));
            autoscaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("compute-asg-1").forceDelete(true));
            expected.add("MISSING aws_autoscaling_group.g[1]");

            autoscaling.deleteLaunchConfiguration(r -> r.launchConfigurationName("compute-lc-1"));
            expected.add("MISSING aws_launch_configuration.lc[1]");
            autoscaling.createLaunchConfiguration(r -> r.launchConfigurationName("by-hand")
                    .imageId(f.attribute("aws_launch_configuration.lc[0]", "image_id")).instanceType("t3.micro"));
            expected.add("UNMANAGED aws_launch_configuration by-hand");
            // A group made by hand is one finding: its policy is its own business.
            autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("by-hand").launchConfigurationName("by-hand")
                    .minSize(0).maxSize(1).availabilityZones("us-east-1a"));
            autoscaling.putScalingPolicy(r -> r.autoScalingGroupName("by-hand").policyName("by-hand")
                    .adjustmentType("ChangeInCapacity").scalingAdjustment(1));
            expected.add("UNMANAGED aws_autoscaling_group by-hand");
            // The group of an EKS managed node group is EKS's, not unmanaged.
            autoscaling.createAutoScalingGroup(r -> r.autoScalingGroupName("eks-by-hand-ng").launchConfigurationName("by-hand")
                    .minSize(0).maxSize(1).availabilityZones("us-east-1a")
                    .tags(t -> t.key("eks:nodegroup-name").value("by-hand").propagateAtLaunch(true)));

            autoscaling.putScalingPolicy(r -> r.autoScalingGroupName(GROUP).policyName("compute-policy-0")
                    .adjustmentType("ChangeInCapacity").scalingAdjustment(5).cooldown(300));
            expected.add("CHANGED aws_autoscaling_policy.p[0] scaling_adjustment");
            autoscaling.deletePolicy(r -> r.autoScalingGroupName(GROUP).policyName("compute-policy-1"));
            expected.add("MISSING aws_autoscaling_policy.p[1]");
            autoscaling.putScalingPolicy(r -> r.autoScalingGroupName(GROUP).policyName("by-hand")
                    .adjustmentType("ChangeInCapacity").scalingAdjustment(1));
            expected.add("UNMANAGED aws_autoscaling_policy " + GROUP + "/by-hand");

            autoscaling.putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(GROUP)
                    .scheduledActionName("compute-schedule-0").minSize(0).maxSize(2).desiredCapacity(0)
                    .recurrence("0 20 * * *"));
            expected.add("CHANGED aws_autoscaling_schedule.s[0] recurrence");
            autoscaling.deleteScheduledAction(r -> r.autoScalingGroupName(GROUP).scheduledActionName("compute-schedule-1"));
            expected.add("MISSING aws_autoscaling_schedule.s[1]");
            autoscaling.putScheduledUpdateGroupAction(r -> r.autoScalingGroupName(GROUP).scheduledActionName("by-hand")
                    .minSize(1).maxSize(2).recurrence("0 6 * * *"));
            expected.add("UNMANAGED aws_autoscaling_schedule " + GROUP + "/by-hand");

            autoscaling.putLifecycleHook(r -> r.autoScalingGroupName(GROUP).lifecycleHookName("compute-hook-0")
                    .lifecycleTransition(LAUNCHING).defaultResult("CONTINUE").heartbeatTimeout(600));
            expected.add("CHANGED aws_autoscaling_lifecycle_hook.h[0] heartbeat_timeout");
            autoscaling.deleteLifecycleHook(r -> r.autoScalingGroupName(GROUP).lifecycleHookName("compute-hook-1"));
            expected.add("MISSING aws_autoscaling_lifecycle_hook.h[1]");
            autoscaling.putLifecycleHook(r -> r.autoScalingGroupName(GROUP).lifecycleHookName("by-hand")
                    .lifecycleTransition(LAUNCHING).defaultResult("ABANDON").heartbeatTimeout(300));
            expected.add("UNMANAGED aws_autoscaling_lifecycle_hook " + GROUP + "/by-hand");
        }
    }

    private static void eks(CoverageFixture f, List<String> expected) {
        try (EksClient eks = MotoClients.of(EksClient.builder())) {
            eks.updateClusterConfig(r -> r.name("compute-eks").logging(l -> l.clusterLogging(
                    LogSetup.builder().types(LogType.AUDIT).enabled(true).build())));
            expected.add("CHANGED aws_eks_cluster.c enabled_cluster_log_types");
            eks.updateNodegroupConfig(r -> r.clusterName("compute-eks").nodegroupName("compute-ng-0")
                    .scalingConfig(s -> s.minSize(1).maxSize(2).desiredSize(2)));
            expected.add("CHANGED aws_eks_node_group.ng[0] scaling_config");
            eks.deleteNodegroup(r -> r.clusterName("compute-eks").nodegroupName("compute-ng-1"));
            expected.add("MISSING aws_eks_node_group.ng[1]");
            String role = f.attribute("aws_eks_cluster.c", "role_arn");
            List<String> subnets = List.of(f.id("aws_subnet.eks[0]"), f.id("aws_subnet.eks[1]"));
            eks.createNodegroup(r -> r.clusterName("compute-eks").nodegroupName("by-hand").nodeRole(role).subnets(subnets));
            expected.add("UNMANAGED aws_eks_node_group compute-eks:by-hand");
            eks.createCluster(r -> r.name("by-hand").roleArn(role).resourcesVpcConfig(v -> v.subnetIds(subnets)));
            expected.add("UNMANAGED aws_eks_cluster by-hand");
        }
    }

    private static void certificates(CoverageFixture f, List<String> expected) {
        try (AcmClient acm = MotoClients.of(AcmClient.builder())) {
            acm.addTagsToCertificate(r -> r.certificateArn(f.id("aws_acm_certificate.cert[0]"))
                    .tags(t -> t.key("Team").value("ops")));
            expected.add("CHANGED aws_acm_certificate.cert[0] tags.Team");
            acm.deleteCertificate(r -> r.certificateArn(f.id("aws_acm_certificate.cert[1]")));
            expected.add("MISSING aws_acm_certificate.cert[1]");
            String byHand = acm.requestCertificate(r -> r.domainName("by-hand.example.com").validationMethod("DNS"))
                    .certificateArn();
            expected.add("UNMANAGED aws_acm_certificate " + byHand);
        }
    }

    private static void taskDefinitions(CoverageFixture f, List<String> expected) {
        try (EcsClient ecs = MotoClients.of(EcsClient.builder())) {
            ContainerDefinition container = ContainerDefinition.builder().name("app").image("nginx:1.28").essential(true).memory(128)
                    .build();
            ecs.tagResource(r -> r.resourceArn(f.attribute("aws_ecs_task_definition.td[0]", "arn"))
                    .tags(t -> t.key("Team").value("ops")));
            expected.add("CHANGED aws_ecs_task_definition.td[0] tags.Team");
            // A revision registered by hand is the family's history: the state tracks its own revision.
            ecs.registerTaskDefinition(r -> r.family("compute-task-0").containerDefinitions(container));
            // With track_latest the state follows the newest revision, so one registered by hand is its drift.
            ecs.registerTaskDefinition(r -> r.family("compute-task-latest").containerDefinitions(container)
                    .tags(t -> t.key("ManagedBy").value("terraform")));
            expected.add("CHANGED aws_ecs_task_definition.latest container_definitions");
            ecs.deregisterTaskDefinition(r -> r.taskDefinition(f.attribute("aws_ecs_task_definition.td[1]", "arn")));
            expected.add("MISSING aws_ecs_task_definition.td[1]");
            ecs.registerTaskDefinition(r -> r.family("by-hand").containerDefinitions(container));
            expected.add("UNMANAGED aws_ecs_task_definition by-hand");
        }
    }
}
