package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import dev.driftdeck.remediation.ImportIds;

/**
 * ECR repositories and ECS clusters and services, per region. ECS lists ARNs only; DescribeClusters takes 100 and
 * DescribeServices 10 per call. Services have no account-wide listing: ListServices runs per cluster the state
 * manages (as the cluster or through one of its services).
 */
final class ContainerCollectors {

    static final String ECR_REPOSITORY = "aws_ecr_repository";
    static final String ECS_CLUSTER = "aws_ecs_cluster";
    static final String ECS_SERVICE = "aws_ecs_service";

    private ContainerCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(ECR_REPOSITORY).actions("ecr:DescribeRepositories", "ecr:ListTagsForResource")
                        .compare("image_tag_mutability", CASE_INSENSITIVE)
                        .compare("image_scanning_configuration", SET).compare("encryption_configuration", SET)
                        .compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_delete")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().ecr(ctx.region()).describeRepositoriesPaginator().repositories()
                                .stream()
                                .map(repo -> !ctx.manages(ECR_REPOSITORY, repo.repositoryName())
                                        ? ctx.identityOnly(ECR_REPOSITORY, repo.repositoryName())
                                        : ctx.resource(ECR_REPOSITORY, repo.repositoryName(), Attributes.of()
                                                .put("image_tag_mutability", repo.imageTagMutabilityAsString())
                                                .put("image_scanning_configuration", repo.imageScanningConfiguration() == null
                                                        ? List.of() : List.of(Map.of("scan_on_push", Boolean.TRUE.equals(
                                                        repo.imageScanningConfiguration().scanOnPush()))))
                                                .put("encryption_configuration", repo.encryptionConfiguration() == null
                                                        ? List.of() : List.of(encryption(repo.encryptionConfiguration())))
                                                .put("tags", Tags.toMap(ctx.session().ecr(ctx.region())
                                                                .listTagsForResource(r -> r.resourceArn(repo.repositoryArn())).tags(),
                                                        software.amazon.awssdk.services.ecr.model.Tag::key,
                                                        software.amazon.awssdk.services.ecr.model.Tag::value))
                                                .build()))
                                .toList()),
                CollectorDefinition.regional(ECS_CLUSTER).actions("ecs:ListClusters", "ecs:DescribeClusters")
                        .compare("name", STRING).compare("setting", SET).compare("configuration", SET)
                        .compare("service_connect_defaults", SET).compareTags()
                        .importId(ImportIds.computed("the cluster name", ImportIdsOf::ecsCluster)).listedBy(ContainerCollectors::clusters),
                CollectorDefinition.regional(ECS_SERVICE).actions("ecs:ListServices", "ecs:DescribeServices")
                        .compare("cluster", STRING).compare("desired_count", SCALAR)
                        .compare("launch_type", CASE_INSENSITIVE).compare("task_definition", STRING)
                        .compare("platform_version", STRING).compare("scheduling_strategy", CASE_INSENSITIVE)
                        .compare("availability_zone_rebalancing", CASE_INSENSITIVE)
                        .compare("deployment_maximum_percent", SCALAR).compare("deployment_minimum_healthy_percent", SCALAR)
                        .compare("deployment_circuit_breaker", SET).compare("alarms", SET)
                        .compare("deployment_controller", SET).compare("network_configuration", SET)
                        .compare("capacity_provider_strategy", SET).compare("load_balancer", SET)
                        .compare("service_registries", SET).compare("ordered_placement_strategy", SET)
                        .compare("placement_constraints", SET).compare("enable_ecs_managed_tags", SCALAR)
                        .compare("enable_execute_command", SCALAR).compare("health_check_grace_period_seconds", SCALAR)
                        .compare("iam_role", STRING).compare("propagate_tags", CASE_INSENSITIVE).compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_delete", "force_new_deployment", "triggers",
                                "wait_for_steady_state")
                        .notCompared("held on the PRIMARY deployment in nested shapes; not compared yet",
                                "service_connect_configuration", "volume_configuration", "vpc_lattice_configurations")
                        .importId(ImportIds.arnResource("CLUSTERNAME/SERVICENAME")).listedBy(ContainerCollectors::services));
    }

    /** The provider writes no key for AES256, and the key ARN for KMS. */
    private static Map<String, Object> encryption(software.amazon.awssdk.services.ecr.model.EncryptionConfiguration encryption) {
        return Map.of("encryption_type", encryption.encryptionTypeAsString(),
                "kms_key", encryption.kmsKey() == null ? "" : encryption.kmsKey());
    }

    private static List<LiveResource> clusters(CollectorContext ctx) {
        EcsClient ecs = ctx.session().ecs(ctx.region());
        List<String> arns = ecs.listClustersPaginator().clusterArns().stream().toList();
        List<LiveResource> clusters = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += 100) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
            ecs.describeClusters(r -> r.clusters(batch).include(ClusterField.TAGS, ClusterField.SETTINGS,
                            ClusterField.CONFIGURATIONS)).clusters().stream()
                    .filter(cluster -> !"INACTIVE".equals(cluster.status()))
                    .forEach(cluster -> clusters.add(ctx.resource(ECS_CLUSTER, cluster.clusterArn(), Attributes.of()
                            .put("name", cluster.clusterName())
                            .put("setting", cluster.settings().stream()
                                    .map(setting -> Map.of("name", setting.nameAsString(), "value", setting.value()))
                                    .toList())
                            .put("configuration", EcsShapes.clusterConfiguration(cluster.configuration()))
                            .put("service_connect_defaults", cluster.serviceConnectDefaults() == null
                                    ? List.of() : List.of(Map.of("namespace", cluster.serviceConnectDefaults().namespace())))
                            .put("tags", Tags.toMap(cluster.tags(), t -> t.key(), t -> t.value()))
                            .build())));
        }
        return clusters;
    }

    private static List<LiveResource> services(CollectorContext ctx) {
        Set<String> clusters = new LinkedHashSet<>(ctx.managed().ids(ECS_CLUSTER));
        ctx.managed().resources(ECS_SERVICE).values().forEach(service -> {
            if (service.get("cluster") instanceof String cluster) {
                clusters.add(cluster);
            }
        });
        EcsClient ecs = ctx.session().ecs(ctx.region());
        List<LiveResource> services = new ArrayList<>();
        for (String cluster : clusters) {
            List<String> arns = ecs.listServicesPaginator(r -> r.cluster(cluster)).serviceArns().stream().toList();
            for (int from = 0; from < arns.size(); from += 10) {
                List<String> batch = arns.subList(from, Math.min(arns.size(), from + 10));
                ecs.describeServices(r -> r.cluster(cluster).services(batch).include(ServiceField.TAGS)).services()
                        .stream()
                        .filter(service -> !"INACTIVE".equals(service.status()))
                        .forEach(service -> services.add(!ctx.manages(ECS_SERVICE, service.serviceArn())
                                ? ctx.identityOnly(ECS_SERVICE, service.serviceArn())
                                : ctx.resource(ECS_SERVICE, service.serviceArn(), EcsShapes.service(ctx, service).build())));
            }
        }
        return services;
    }
}
