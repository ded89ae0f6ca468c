package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Volume;
import dev.driftdeck.remediation.ImportIds;

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
                // The paginator pages by reservation; see Ec2Instances for what managed instances cost beyond it.
                CollectorDefinition.regional(INSTANCE).actions("ec2:DescribeInstances", "ec2:DescribeInstanceAttribute",
                                "ec2:DescribeVolumes", "ec2:DescribeInstanceCreditSpecifications",
                                "ec2:DescribeSpotInstanceRequests")
                        .compare("instance_type", STRING).compare("ami", STRING).compare("subnet_id", STRING)
                        .compare("vpc_security_group_ids", SET)
                        .compare("disable_api_termination", SCALAR).compare("disable_api_stop", SCALAR)
                        .compare("instance_initiated_shutdown_behavior", STRING)
                        .compare("metadata_options", SET).compare("monitoring", SCALAR).compare("ebs_optimized", SCALAR)
                        .compare("source_dest_check", SCALAR).compare("root_block_device", SET)
                        .compare("ebs_block_device", SET).compare("iam_instance_profile", STRING)
                        .compare("key_name", STRING).compare("user_data", STRING).compare("user_data_base64", STRING)
                        .compare("associate_public_ip_address", SCALAR).compare("private_ip", STRING)
                        .compare("secondary_private_ips", SET).compare("ipv6_address_count", SCALAR)
                        .compare("ipv6_addresses", SET).compare("availability_zone", STRING).compare("tenancy", STRING)
                        .compare("placement_group", STRING).compare("placement_partition_number", SCALAR)
                        .compare("host_id", STRING).compare("host_resource_group_arn", STRING)
                        .compare("cpu_options", SET).compare("cpu_core_count", SCALAR)
                        .compare("cpu_threads_per_core", SCALAR).compare("credit_specification", SET)
                        .compare("hibernation", SCALAR).compare("enclave_options", SET)
                        .compare("maintenance_options", SET).compare("private_dns_name_options", SET)
                        .compare("capacity_reservation_specification", SET).compareTags()
                        .notCompared(NotCompared.NOT_RETURNED, "ephemeral_block_device")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "get_password_data", "user_data_replace_on_change")
                        .notCompared("the provider never reads it back", "enable_primary_ipv6")
                        .notCompared("the attached volumes' tags, compared per device in root_block_device and"
                                + " ebs_block_device when volume_tags is not used", "volume_tags")
                        .notCompared("group names, a launch input outside a VPC; the same groups are compared as"
                                + " vpc_security_group_ids", "security_groups")
                        .notCompared("interfaces attached at launch; the provider reads back only the configured device"
                                + " indexes", "network_interface")
                        .notCompared(NotCompared.costsACall("DescribeLaunchTemplateVersions"), "launch_template")
                        .notCompared(NotCompared.costsACall("DescribeSpotInstanceRequests"), "instance_market_options")
                        // A spot request's instance is the request's (its attributes are compared there).
                        .partOf(SpotInstanceRequests.SPOT_REQUEST, "spot_instance_request_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(Ec2Instances::list),
                SpotInstanceRequests.definition(),
                // An instance's launch-time volumes (deleted with it) are the instance's, not an aws_ebs_volume.
                CollectorDefinition.regional(VOLUME).actions("ec2:DescribeVolumes")
                        .compare("availability_zone", STRING).compare("size", SCALAR).compare("type", CASE_INSENSITIVE)
                        .compare("encrypted", SCALAR).compare("iops", SCALAR).compare("throughput", SCALAR)
                        .compare("kms_key_id", STRING).compare("multi_attach_enabled", SCALAR)
                        .compare("snapshot_id", STRING).compare("outpost_arn", STRING).compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "final_snapshot")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeVolumesPaginator().volumes().stream()
                                .filter(volume -> ctx.strict() || ctx.manages(VOLUME, volume.volumeId())
                                        || !launchedWithInstance(volume))
                                .map(volume -> ctx.resource(VOLUME, volume.volumeId(), Attributes.of()
                                        .put("availability_zone", volume.availabilityZone())
                                        .put("size", volume.size())
                                        .put("type", volume.volumeTypeAsString())
                                        .put("encrypted", volume.encrypted())
                                        .put("iops", volume.iops() == null ? 0 : volume.iops())
                                        .put("throughput", volume.throughput() == null ? 0 : volume.throughput())
                                        .put("kms_key_id", volume.kmsKeyId())
                                        .put("multi_attach_enabled", Boolean.TRUE.equals(volume.multiAttachEnabled()))
                                        .put("snapshot_id", volume.snapshotId())
                                        .put("outpost_arn", volume.outpostArn())
                                        .put("tags", Tags.ec2(volume.tags()))
                                        .build()))
                                .toList()),
                // DescribeKeyPairs has no pagination: one call per region. A key replaced under the same name shows
                // as another fingerprint (AWS's own digest of public_key, which it may return without its comment).
                CollectorDefinition.regional(KEY_PAIR).actions("ec2:DescribeKeyPairs")
                        .compare("fingerprint", STRING).compareTags()
                        .notCompared(NotCompared.IDENTITY, "key_name")
                        .notCompared(NotCompared.CREATE_ONLY, "key_name_prefix")
                        .notCompared("compared as its fingerprint", "public_key")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeKeyPairs().keyPairs().stream()
                                .map(key -> ctx.resource(KEY_PAIR, key.keyName(), Attributes.of()
                                        .put("fingerprint", key.keyFingerprint())
                                        .put("tags", Tags.ec2(key.tags()))
                                        .build()))
                                .toList()),
                CollectorDefinition.regional(LAUNCH_TEMPLATE)
                        .actions("ec2:DescribeLaunchTemplates", "ec2:DescribeLaunchTemplateVersions")
                        .compare("name", STRING).compare("default_version", SCALAR).compareTags()
                        .compare("description", STRING).compare("image_id", STRING).compare("instance_type", STRING)
                        .compare("key_name", STRING).compare("kernel_id", STRING).compare("ram_disk_id", STRING)
                        .compare("user_data", STRING).compare("disable_api_termination", SCALAR)
                        .compare("disable_api_stop", SCALAR).compare("ebs_optimized", STRING)
                        .compare("instance_initiated_shutdown_behavior", STRING)
                        .compare("vpc_security_group_ids", SET).compare("security_group_names", SET)
                        .compare("metadata_options", SET).compare("monitoring", SET).compare("enclave_options", SET)
                        .compare("hibernation_options", SET).compare("iam_instance_profile", SET)
                        .compare("credit_specification", SET).compare("maintenance_options", SET)
                        .compare("private_dns_name_options", SET).compare("placement", SET).compare("cpu_options", SET)
                        .compare("capacity_reservation_specification", SET).compare("instance_market_options", SET)
                        .compare("block_device_mappings", SET).compare("elastic_gpu_specifications", SET)
                        .compare("elastic_inference_accelerator", SET).compare("license_specification", SET)
                        .compare("tag_specifications", SET).compare("network_interfaces", SET)
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "update_default_version")
                        .notCompared("attribute-based instance type selection: ranges nested three deep, not mapped yet",
                                "instance_requirements")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> {
                            Map<String, Map<String, Object>> latest = LaunchTemplateVersions.latest(ctx);
                            return ctx.ec2().describeLaunchTemplatesPaginator().launchTemplates().stream()
                                    .map(template -> {
                                        Map<String, Object> attributes = new LinkedHashMap<>(
                                                latest.getOrDefault(template.launchTemplateId(), Map.of()));
                                        attributes.put("name", template.launchTemplateName());
                                        attributes.put("default_version", template.defaultVersionNumber());
                                        attributes.put("tags", Tags.ec2(template.tags()));
                                        return ctx.resource(LAUNCH_TEMPLATE, template.launchTemplateId(), attributes);
                                    })
                                    .toList();
                        }));
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
