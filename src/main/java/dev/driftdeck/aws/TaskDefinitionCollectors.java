package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;
import software.amazon.awssdk.services.ecs.model.Volume;
import dev.driftdeck.remediation.ImportIds;

/**
 * ECS task definitions, per region, by family (Terraform's id). The unit is the family: ListTaskDefinitionFamilies
 * (ACTIVE, 100 a page) lists every family with an active revision, one of no state is UNMANAGED. A managed family is
 * described once (DescribeTaskDefinition with its tags), at the revision its state tracks, the state's {@code arn},
 * or at the latest active one where the state sets {@code track_latest}, as the provider reads it: a tracked revision
 * deregistered is MISSING. Revisions other than the tracked one (older ones, one registered by hand) are the family's
 * history, not drift, as for {@code terraform plan}; with {@code track_latest} a newer revision is compared.
 */
final class TaskDefinitionCollectors {

    static final String TASK_DEFINITION = "aws_ecs_task_definition";
    private static final int PAGE = 100;

    private TaskDefinitionCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(TASK_DEFINITION)
                .actions("ecs:ListTaskDefinitionFamilies", "ecs:DescribeTaskDefinition")
                .compare("container_definitions", JSON_DOCUMENT).compare("cpu", STRING).compare("memory", STRING)
                .compare("network_mode", STRING).compare("requires_compatibilities", SET)
                .compare("execution_role_arn", STRING).compare("task_role_arn", STRING)
                .compare("ipc_mode", STRING).compare("pid_mode", STRING)
                .compare("enable_fault_injection", SCALAR).compare("runtime_platform", SET)
                .compare("ephemeral_storage", SET).compare("placement_constraints", SET)
                .compare("proxy_configuration", SET).compare("inference_accelerator", SET)
                .compare("volume", SET).compareTags()
                .notCompared(NotCompared.IDENTITY, "family")
                .notCompared(NotCompared.TERRAFORM_ONLY, "skip_destroy", "track_latest")
                .importId(ImportIds.SAME_AS_ID).listedBy(TaskDefinitionCollectors::taskDefinitions));
    }

    private static List<LiveResource> taskDefinitions(CollectorContext ctx) {
        EcsClient ecs = ctx.session().ecs(ctx.region());
        List<LiveResource> families = new ArrayList<>();
        for (String family : ecs.listTaskDefinitionFamiliesPaginator(r -> r.status(TaskDefinitionFamilyStatus.ACTIVE)
                .maxResults(PAGE)).families()) {
            Map<String, Object> state = ctx.managed().resources(TASK_DEFINITION).get(family);
            if (state == null) {
                families.add(ctx.identityOnly(TASK_DEFINITION, family));
                continue;
            }
            String tracked = Boolean.TRUE.equals(state.get("track_latest")) || !(state.get("arn") instanceof String arn)
                    ? family : arn;
            DescribeTaskDefinitionResponse described;
            try {
                described = ecs.describeTaskDefinition(r -> r.taskDefinition(tracked).include(TaskDefinitionField.TAGS));
            } catch (ClientException notFound) {
                continue; // the tracked revision is gone: MISSING
            }
            TaskDefinition definition = described.taskDefinition();
            if (definition.status() == TaskDefinitionStatus.ACTIVE) {
                families.add(ctx.resource(TASK_DEFINITION, family, attributes(definition,
                        Tags.toMap(described.tags(), t -> t.key(), t -> t.value()))));
            }
        }
        return families;
    }

    /** In the provider's shapes: container definitions as the API's JSON, nested settings as Terraform blocks. */
    private static Map<String, Object> attributes(TaskDefinition definition, Map<String, Object> tags) {
        return Attributes.of()
                .put("family", definition.family())
                .put("container_definitions", definition.containerDefinitions().stream()
                        .map(TaskDefinitionCollectors::containerDefinition).toList())
                .put("cpu", definition.cpu())
                .put("memory", definition.memory())
                .put("network_mode", definition.networkModeAsString())
                .put("requires_compatibilities", definition.requiresCompatibilitiesAsStrings())
                .put("execution_role_arn", definition.executionRoleArn())
                .put("task_role_arn", definition.taskRoleArn())
                .put("ipc_mode", definition.ipcModeAsString())
                .put("pid_mode", definition.pidModeAsString())
                .put("enable_fault_injection", Boolean.TRUE.equals(definition.enableFaultInjection()))
                .put("runtime_platform", SdkShapes.block(definition.runtimePlatform()))
                .put("ephemeral_storage", definition.ephemeralStorage() == null ? List.of()
                        : List.of(Attributes.of().put("size_in_gib", definition.ephemeralStorage().sizeInGiB()).build()))
                .put("placement_constraints", definition.placementConstraints().stream().map(SdkShapes::blockMap).toList())
                .put("proxy_configuration", definition.proxyConfiguration() == null ? List.of() : List.of(Attributes.of()
                        .put("container_name", definition.proxyConfiguration().containerName())
                        .put("type", definition.proxyConfiguration().typeAsString())
                        .put("properties", definition.proxyConfiguration().properties().stream()
                                .collect(java.util.stream.Collectors.toMap(p -> p.name(), p -> p.value(), (a, b) -> b,
                                        java.util.TreeMap::new)))
                        .build()))
                .put("inference_accelerator", definition.inferenceAccelerators().stream().map(SdkShapes::blockMap).toList())
                .put("volume", definition.volumes().stream().map(TaskDefinitionCollectors::volume).toList())
                .put("tags", tags)
                .build();
    }

    /**
     * A container as the API's JSON, as the provider stores it: it omits a container's cpu of 0 (AWS's "no
     * reservation", a plain number in its SDK, so never written when zero).
     */
    private static Map<String, Object> containerDefinition(ContainerDefinition container) {
        Map<String, Object> json = SdkShapes.json(container);
        if (Integer.valueOf(0).equals(json.get("cpu"))) {
            json.remove("cpu");
        }
        return json;
    }

    /**
     * A volume as the provider writes it: the API's nested configurations as blocks, {@code host_path} flattened
     * from {@code host.sourcePath}, and {@code configure_at_launch} false when AWS leaves it out.
     */
    private static Map<String, Object> volume(Volume volume) {
        return Attributes.of()
                .put("name", volume.name())
                .put("host_path", volume.host() == null ? null : volume.host().sourcePath())
                .put("configure_at_launch", Boolean.TRUE.equals(volume.configuredAtLaunch()))
                .put("docker_volume_configuration", SdkShapes.block(volume.dockerVolumeConfiguration()))
                .put("efs_volume_configuration", SdkShapes.block(volume.efsVolumeConfiguration()))
                .put("fsx_windows_file_server_volume_configuration",
                        SdkShapes.block(volume.fsxWindowsFileServerVolumeConfiguration()))
                .build();
    }
}
