package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import dev.driftdeck.remediation.ImportIds;

/**
 * EKS clusters and managed node groups, per region. ListClusters pages 100 names; DescribeCluster (tags included)
 * runs per managed cluster. Node groups have no region-wide listing: ListNodegroups (100 a page) runs per cluster a
 * state manages (as the cluster or through one of its node groups), DescribeNodegroup per managed node group. Node
 * groups of a cluster no state manages are that cluster's business. A node group's id is {@code cluster:nodegroup},
 * as Terraform writes it.
 */
final class EksCollectors {

    static final String CLUSTER = "aws_eks_cluster";
    static final String NODE_GROUP = "aws_eks_node_group";
    private static final int PAGE = 100;

    private EksCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(CLUSTER).actions("eks:ListClusters", "eks:DescribeCluster")
                        .compare("role_arn", STRING).compare("version", STRING)
                        .compare("enabled_cluster_log_types", SET).compare("vpc_config", SET)
                        .compare("access_config", SET).compare("encryption_config", SET)
                        .compare("kubernetes_network_config", SET).compare("upgrade_policy", SET)
                        .compare("zonal_shift_config", SET).compare("compute_config", SET)
                        .compare("storage_config", SET).compare("remote_network_config", SET)
                        .compare("outpost_config", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "bootstrap_self_managed_addons")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_update_version")
                        .importId(ImportIds.SAME_AS_ID).listedBy(EksCollectors::clusters),
                CollectorDefinition.regional(NODE_GROUP).actions("eks:ListNodegroups", "eks:DescribeNodegroup")
                        .compare("node_role_arn", STRING).compare("subnet_ids", SET)
                        .compare("scaling_config", SET).compare("instance_types", SET)
                        .compare("ami_type", STRING).compare("capacity_type", STRING)
                        .compare("disk_size", SCALAR).compare("labels", TAGS).compare("taint", SET)
                        .compare("launch_template", SET).compare("remote_access", SET)
                        .compare("update_config", SET).compare("node_repair_config", SET)
                        .compare("release_version", STRING).compare("version", STRING).compareTags()
                        .notCompared(NotCompared.IDENTITY, "cluster_name", "node_group_name")
                        .notCompared(NotCompared.CREATE_ONLY, "node_group_name_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_update_version")
                        .importId(ImportIds.SAME_AS_ID).listedBy(EksCollectors::nodeGroups));
    }

    private static List<LiveResource> clusters(CollectorContext ctx) {
        EksClient eks = ctx.session().eks(ctx.region());
        List<LiveResource> clusters = new ArrayList<>();
        for (String name : eks.listClustersPaginator(r -> r.maxResults(PAGE)).clusters()) {
            Map<String, Object> state = ctx.managed().resources(CLUSTER).get(name);
            if (state == null) {
                clusters.add(ctx.identityOnly(CLUSTER, name));
                continue;
            }
            Cluster cluster;
            try {
                cluster = eks.describeCluster(r -> r.name(name)).cluster();
            } catch (ResourceNotFoundException deletedSinceListed) {
                continue;
            }
            clusters.add(ctx.resource(CLUSTER, name, clusterAttributes(cluster, state)));
        }
        return clusters;
    }

    private static Map<String, Object> clusterAttributes(Cluster cluster, Map<String, Object> state) {
        List<String> logTypes = new ArrayList<>();
        if (cluster.logging() != null) {
            for (LogSetup setup : cluster.logging().clusterLogging()) {
                if (Boolean.TRUE.equals(setup.enabled())) {
                    logTypes.addAll(setup.typesAsStrings());
                }
            }
        }
        return Attributes.of()
                .put("role_arn", cluster.roleArn())
                .put("version", cluster.version())
                .put("enabled_cluster_log_types", logTypes)
                .put("vpc_config", SdkShapes.block(cluster.resourcesVpcConfig()))
                .put("access_config", accessConfig(cluster, state))
                .put("encryption_config", cluster.encryptionConfig().stream().map(SdkShapes::blockMap).toList())
                .put("kubernetes_network_config", SdkShapes.block(cluster.kubernetesNetworkConfig()))
                .put("upgrade_policy", SdkShapes.block(cluster.upgradePolicy()))
                .put("zonal_shift_config", SdkShapes.block(cluster.zonalShiftConfig()))
                .put("compute_config", SdkShapes.block(cluster.computeConfig()))
                .put("storage_config", SdkShapes.block(cluster.storageConfig()))
                .put("remote_network_config", SdkShapes.block(cluster.remoteNetworkConfig()))
                .put("outpost_config", SdkShapes.block(cluster.outpostConfig()))
                .put("tags", cluster.tags())
                .build();
    }

    /**
     * The authentication mode from AWS; whether the creator got admin access is an input at creation that AWS does
     * not return, so, as the provider does, the state's value is carried over.
     */
    private static List<Object> accessConfig(Cluster cluster, Map<String, Object> state) {
        if (cluster.accessConfig() == null) {
            return List.of();
        }
        Object bootstrap = null;
        if (state.get("access_config") instanceof List<?> blocks && !blocks.isEmpty()
                && blocks.getFirst() instanceof Map<?, ?> block) {
            bootstrap = block.get("bootstrap_cluster_creator_admin_permissions");
        }
        return List.of(Attributes.of()
                .put("authentication_mode", cluster.accessConfig().authenticationModeAsString())
                .put("bootstrap_cluster_creator_admin_permissions", bootstrap)
                .build());
    }

    private static List<LiveResource> nodeGroups(CollectorContext ctx) {
        Set<String> clusters = new LinkedHashSet<>(ctx.managed().ids(CLUSTER));
        ctx.managed().resources(NODE_GROUP).values().forEach(group -> {
            if (group.get("cluster_name") instanceof String cluster) {
                clusters.add(cluster);
            }
        });
        EksClient eks = ctx.session().eks(ctx.region());
        List<LiveResource> groups = new ArrayList<>();
        for (String cluster : clusters) {
            List<String> names;
            try {
                names = eks.listNodegroupsPaginator(r -> r.clusterName(cluster).maxResults(PAGE)).nodegroups().stream().toList();
            } catch (ResourceNotFoundException clusterGone) {
                continue; // its node groups are MISSING, and so is the cluster where a state manages it
            }
            for (String name : names) {
                String id = cluster + ":" + name;
                if (!ctx.manages(NODE_GROUP, id)) {
                    groups.add(ctx.identityOnly(NODE_GROUP, id));
                    continue;
                }
                Nodegroup group;
                try {
                    group = eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name)).nodegroup();
                } catch (ResourceNotFoundException deletedSinceListed) {
                    continue;
                }
                groups.add(ctx.resource(NODE_GROUP, id, nodeGroupAttributes(group)));
            }
        }
        return groups;
    }

    private static Map<String, Object> nodeGroupAttributes(Nodegroup group) {
        var remoteAccess = group.remoteAccess();
        return Attributes.of()
                .put("cluster_name", group.clusterName())
                .put("node_group_name", group.nodegroupName())
                .put("node_role_arn", group.nodeRole())
                .put("subnet_ids", group.subnets())
                .put("scaling_config", SdkShapes.block(group.scalingConfig()))
                .put("instance_types", group.instanceTypes())
                .put("ami_type", group.amiTypeAsString())
                .put("capacity_type", group.capacityTypeAsString())
                .put("disk_size", group.diskSize() == null ? 0 : group.diskSize())
                .put("labels", group.labels())
                .put("taint", group.taints().stream().map(SdkShapes::blockMap).toList())
                .put("launch_template", SdkShapes.block(group.launchTemplate()))
                // The provider names the security groups source_security_group_ids.
                .put("remote_access", remoteAccess == null ? List.of() : List.of(Attributes.of()
                        .put("ec2_ssh_key", remoteAccess.ec2SshKey())
                        .put("source_security_group_ids", remoteAccess.sourceSecurityGroups())
                        .build()))
                // Only the fields provider 5.100 has: newer ones AWS returns (update strategy, repair thresholds)
                // are in no state and would read as drift.
                .put("update_config", group.updateConfig() == null ? List.of() : List.of(Attributes.of()
                        .put("max_unavailable", group.updateConfig().maxUnavailable())
                        .put("max_unavailable_percentage", group.updateConfig().maxUnavailablePercentage())
                        .build()))
                .put("node_repair_config", group.nodeRepairConfig() == null ? List.of()
                        : List.of(Attributes.of().put("enabled", group.nodeRepairConfig().enabled()).build()))
                .put("release_version", group.releaseVersion())
                .put("version", group.version())
                .put("tags", group.tags())
                .build();
    }
}
