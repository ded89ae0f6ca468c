package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Volume;

/** EC2 compute: instances, EBS volumes, key pairs, launch templates; one paginated Describe per type and region. */
final class Ec2Collectors {

    static final String INSTANCE = "aws_instance";
    static final String VOLUME = "aws_ebs_volume";
    static final String KEY_PAIR = "aws_key_pair";
    static final String LAUNCH_TEMPLATE = "aws_launch_template";

    private Ec2Collectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // Terminated instances linger in DescribeInstances for a while but no longer exist for Terraform.
                // The paginator pages by reservation; instances() flattens every reservation of every page.
                CollectorDefinition.regional(INSTANCE).actions("ec2:DescribeInstances")
                        .compare("instance_type", STRING).compare("ami", STRING).compare("subnet_id", STRING)
                        .compare("vpc_security_group_ids", SET).compareTags()
                        .listedBy(ctx -> ctx.ec2().describeInstancesPaginator().reservations().stream()
                                .flatMap(reservation -> reservation.instances().stream())
                                .filter(instance -> instance.state() == null
                                        || instance.state().name() != InstanceStateName.TERMINATED)
                                .map(instance -> ctx.resource(INSTANCE, instance.instanceId(), Attributes.of()
                                        .put("instance_type", instance.instanceTypeAsString())
                                        .put("ami", instance.imageId())
                                        .put("subnet_id", instance.subnetId())
                                        .put("vpc_security_group_ids", instance.securityGroups().stream()
                                                .map(GroupIdentifier::groupId).sorted().toList())
                                        .put("tags", Tags.ec2(instance.tags()))
                                        .build()))
                                .toList()),
                // An instance's launch-time volumes (deleted with it) are the instance's, not an aws_ebs_volume.
                CollectorDefinition.regional(VOLUME).actions("ec2:DescribeVolumes")
                        .compare("availability_zone", STRING).compare("size", SCALAR).compare("type", CASE_INSENSITIVE)
                        .compare("encrypted", SCALAR).compareTags()
                        .listedBy(ctx -> ctx.ec2().describeVolumesPaginator().volumes().stream()
                                .filter(volume -> ctx.strict() || ctx.manages(VOLUME, volume.volumeId())
                                        || !launchedWithInstance(volume))
                                .map(volume -> ctx.resource(VOLUME, volume.volumeId(), Attributes.of()
                                        .put("availability_zone", volume.availabilityZone())
                                        .put("size", volume.size())
                                        .put("type", volume.volumeTypeAsString())
                                        .put("encrypted", volume.encrypted())
                                        .put("tags", Tags.ec2(volume.tags()))
                                        .build()))
                                .toList()),
                // DescribeKeyPairs has no pagination: one call per region.
                CollectorDefinition.regional(KEY_PAIR).actions("ec2:DescribeKeyPairs")
                        .compareTags()
                        .listedBy(ctx -> ctx.ec2().describeKeyPairs().keyPairs().stream()
                                .map(key -> ctx.resource(KEY_PAIR, key.keyName(), Attributes.of()
                                        .put("tags", Tags.ec2(key.tags()))
                                        .build()))
                                .toList()),
                CollectorDefinition.regional(LAUNCH_TEMPLATE).actions("ec2:DescribeLaunchTemplates")
                        .compare("name", STRING).compare("default_version", SCALAR).compareTags()
                        .listedBy(ctx -> ctx.ec2().describeLaunchTemplatesPaginator().launchTemplates().stream()
                                .map(template -> ctx.resource(LAUNCH_TEMPLATE, template.launchTemplateId(),
                                        Attributes.of()
                                                .put("name", template.launchTemplateName())
                                                .put("default_version", template.defaultVersionNumber())
                                                .put("tags", Tags.ec2(template.tags()))
                                                .build()))
                                .toList()));
    }

    /**
     * Deleted with its instance, or attached as a root device (moto reports no DeleteOnTermination flag; AWS root
     * volumes launched with an instance have it set).
     */
    private static boolean launchedWithInstance(Volume volume) {
        return volume.attachments().stream().anyMatch(a -> Boolean.TRUE.equals(a.deleteOnTermination())
                || ROOT_DEVICES.contains(a.device()));
    }

    private static final java.util.Set<String> ROOT_DEVICES = java.util.Set.of("/dev/sda1", "/dev/xvda");
}
