package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ServiceField;

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
                        .compare("image_tag_mutability", CASE_INSENSITIVE).compareTags()
                        .listedBy(ctx -> ctx.session().ecr(ctx.region()).describeRepositoriesPaginator().repositories()
                                .stream()
                                .map(repo -> !ctx.manages(ECR_REPOSITORY, repo.repositoryName())
                                        ? ctx.identityOnly(ECR_REPOSITORY, repo.repositoryName())
                                        : ctx.resource(ECR_REPOSITORY, repo.repositoryName(), Attributes.of()
                                                .put("image_tag_mutability", repo.imageTagMutabilityAsString())
                                                .put("tags", Tags.toMap(ctx.session().ecr(ctx.region())
                                                                .listTagsForResource(r -> r.resourceArn(repo.repositoryArn())).tags(),
                                                        software.amazon.awssdk.services.ecr.model.Tag::key,
                                                        software.amazon.awssdk.services.ecr.model.Tag::value))
                                                .build()))
                                .toList()),
                CollectorDefinition.regional(ECS_CLUSTER).actions("ecs:ListClusters", "ecs:DescribeClusters")
                        .compare("name", STRING).compareTags()
                        .listedBy(ContainerCollectors::clusters),
                CollectorDefinition.regional(ECS_SERVICE).actions("ecs:ListServices", "ecs:DescribeServices")
                        .compare("cluster", STRING).compare("desired_count", SCALAR)
                        .compare("launch_type", CASE_INSENSITIVE).compare("task_definition", STRING)
                        .listedBy(ContainerCollectors::services));
    }

    private static List<LiveResource> clusters(CollectorContext ctx) {
        EcsClient ecs = ctx.session().ecs(ctx.region());
        List<String> arns = ecs.listClustersPaginator().clusterArns().stream().toList();
        List<LiveResource> clusters = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += 100) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + 100));
            ecs.describeClusters(r -> r.clusters(batch).include(ClusterField.TAGS)).clusters().stream()
                    .filter(cluster -> !"INACTIVE".equals(cluster.status()))
                    .forEach(cluster -> clusters.add(ctx.resource(ECS_CLUSTER, cluster.clusterArn(), Attributes.of()
                            .put("name", cluster.clusterName())
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
                        .forEach(service -> services.add(ctx.resource(ECS_SERVICE, service.serviceArn(), Attributes.of()
                                .put("cluster", service.clusterArn())
                                .put("desired_count", service.desiredCount())
                                .put("launch_type", service.launchTypeAsString())
                                .put("task_definition", service.taskDefinition())
                                .build())));
            }
        }
        return services;
    }
}
