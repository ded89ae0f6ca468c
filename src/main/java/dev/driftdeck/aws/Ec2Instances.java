package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.MonitoringState;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * {@code aws_instance} as the provider reads it. DescribeInstances gives most of it; for the instances a state
 * manages, the settings it does not return cost what the provider spends too: four DescribeInstanceAttribute calls
 * per instance (termination and stop protection, shutdown behaviour, user data), and, batched for all of them, the
 * attached volumes (DescribeVolumes, 200 instances per filter) and the burstable instances' credit option
 * (DescribeInstanceCreditSpecifications, 1,000 per call).
 */
final class Ec2Instances {

    private static final int FILTER_VALUES = 200;
    private static final int CREDIT_IDS = 1000;

    private Ec2Instances() {
    }

    static List<LiveResource> list(CollectorContext ctx) {
        List<Instance> instances = ctx.ec2().describeInstancesPaginator().reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .filter(instance -> instance.state() == null || instance.state().name() != InstanceStateName.TERMINATED)
                .toList();
        List<Instance> managed = instances.stream()
                .filter(instance -> ctx.manages(Ec2Collectors.INSTANCE, instance.instanceId())).toList();
        Map<String, Volume> volumes = volumes(ctx, managed);
        Map<String, String> credits = credits(ctx, managed);
        Map<String, Map<String, Object>> states = ctx.managed().resources(Ec2Collectors.INSTANCE);
        Map<String, String> spotRequests = SpotInstanceRequests.requestByInstance(ctx);
        List<LiveResource> live = new ArrayList<>();
        for (Instance instance : instances) {
            Attributes attributes = described(instance);
            if (spotRequests.containsKey(instance.instanceId())) {
                attributes.put("spot_instance_request_id", spotRequests.get(instance.instanceId()));
            }
            Map<String, Object> state = states.get(instance.instanceId());
            if (state != null) {
                detail(ctx, instance, state, volumes, credits, attributes);
            }
            live.add(ctx.resource(Ec2Collectors.INSTANCE, instance.instanceId(), attributes.build()));
        }
        return live;
    }

    /** What DescribeInstances returns, in the provider's shapes (absent flags false, absent numbers 0). */
    static Attributes described(Instance instance) {
        var placement = instance.placement();
        var cpu = instance.cpuOptions();
        InstanceNetworkInterface primary = instance.networkInterfaces().stream()
                .filter(ni -> ni.attachment() != null && Integer.valueOf(0).equals(ni.attachment().deviceIndex()))
                .findFirst().orElse(null);
        boolean hasSubnet = instance.subnetId() != null && !instance.subnetId().isEmpty();
        var metadata = instance.metadataOptions();
        var dns = instance.privateDnsNameOptions();
        var capacity = instance.capacityReservationSpecification();
        return Attributes.of()
                .put("instance_type", instance.instanceTypeAsString())
                .put("ami", instance.imageId())
                .put("subnet_id", primary != null && primary.subnetId() != null ? primary.subnetId() : instance.subnetId())
                .put("vpc_security_group_ids", instance.securityGroups().stream().map(g -> g.groupId()).sorted().toList())
                .put("availability_zone", placement == null ? null : placement.availabilityZone())
                .put("placement_group", placement == null ? null : placement.groupName())
                .put("placement_partition_number", placement == null || placement.partitionNumber() == null
                        ? 0 : placement.partitionNumber())
                .put("host_id", placement == null ? null : placement.hostId())
                .put("host_resource_group_arn", placement == null ? null : placement.hostResourceGroupArn())
                .put("tenancy", placement == null ? null : placement.tenancyAsString())
                .put("cpu_core_count", cpu == null ? null : cpu.coreCount())
                .put("cpu_threads_per_core", cpu == null ? null : cpu.threadsPerCore())
                .put("cpu_options", cpu == null ? List.of() : List.of(Attributes.of()
                        .put("amd_sev_snp", cpu.amdSevSnpAsString())
                        .put("core_count", cpu.coreCount())
                        .put("threads_per_core", cpu.threadsPerCore()).build()))
                .put("hibernation", instance.hibernationOptions() != null
                        && Boolean.TRUE.equals(instance.hibernationOptions().configured()))
                .put("enclave_options", instance.enclaveOptions() == null ? List.of() : List.of(Attributes.of()
                        .put("enabled", Boolean.TRUE.equals(instance.enclaveOptions().enabled())).build()))
                .put("maintenance_options", instance.maintenanceOptions() == null ? List.of() : List.of(Attributes.of()
                        .put("auto_recovery", instance.maintenanceOptions().autoRecoveryAsString()).build()))
                .put("metadata_options", metadata == null ? List.of() : List.of(Attributes.of()
                        .put("http_endpoint", metadata.httpEndpointAsString())
                        .put("http_protocol_ipv6", metadata.httpProtocolIpv6AsString())
                        .put("http_put_response_hop_limit", metadata.httpPutResponseHopLimit() == null
                                ? 0 : metadata.httpPutResponseHopLimit())
                        .put("http_tokens", metadata.httpTokensAsString())
                        .put("instance_metadata_tags", metadata.instanceMetadataTagsAsString()).build()))
                .put("private_dns_name_options", dns == null ? List.of() : List.of(Attributes.of()
                        .put("enable_resource_name_dns_a_record", Boolean.TRUE.equals(dns.enableResourceNameDnsARecord()))
                        .put("enable_resource_name_dns_aaaa_record", Boolean.TRUE.equals(dns.enableResourceNameDnsAAAARecord()))
                        .put("hostname_type", dns.hostnameTypeAsString()).build()))
                .put("capacity_reservation_specification", capacity == null ? List.of() : List.of(Attributes.of()
                        .put("capacity_reservation_preference", capacity.capacityReservationPreferenceAsString())
                        .put("capacity_reservation_target", capacity.capacityReservationTarget() == null ? List.of()
                                : List.of(Attributes.of()
                                        .put("capacity_reservation_id",
                                                capacity.capacityReservationTarget().capacityReservationId())
                                        .put("capacity_reservation_resource_group_arn",
                                                capacity.capacityReservationTarget().capacityReservationResourceGroupArn())
                                        .build()))
                        .build()))
                .put("key_name", instance.keyName())
                .put("private_ip", instance.privateIpAddress())
                .put("iam_instance_profile", instance.iamInstanceProfile() == null
                        || instance.iamInstanceProfile().arn() == null ? null
                        : instance.iamInstanceProfile().arn().substring(instance.iamInstanceProfile().arn().lastIndexOf('/') + 1))
                .put("associate_public_ip_address", primary != null ? primary.association() != null
                        : instance.publicIpAddress() != null)
                .put("ipv6_address_count", primary == null ? 0 : primary.ipv6Addresses().size())
                .put("ipv6_addresses", primary == null ? List.of()
                        : primary.ipv6Addresses().stream().map(a -> a.ipv6Address()).toList())
                .put("secondary_private_ips", primary == null ? List.of() : primary.privateIpAddresses().stream()
                        .filter(a -> !Boolean.TRUE.equals(a.primary()))
                        .map(InstancePrivateIpAddress::privateIpAddress).toList())
                .put("source_dest_check", hasSubnet || primary == null ? instance.sourceDestCheck() : primary.sourceDestCheck())
                .put("ebs_optimized", Boolean.TRUE.equals(instance.ebsOptimized()))
                .put("monitoring", instance.monitoring() != null && (instance.monitoring().state() == MonitoringState.ENABLED
                        || instance.monitoring().state() == MonitoringState.PENDING))
                .put("tags", Tags.ec2(instance.tags()))
                // not an argument: ties a spot instance to its request (see Ec2Collectors)
                .put("spot_instance_request_id", instance.spotInstanceRequestId());
    }

    /** The managed instance's settings beyond DescribeInstances. */
    private static void detail(CollectorContext ctx, Instance instance, Map<String, Object> state,
                               Map<String, Volume> volumes, Map<String, String> credits, Attributes attributes) {
        String id = instance.instanceId();
        attributes.put("disable_api_termination", attribute(ctx, id, InstanceAttributeName.DISABLE_API_TERMINATION)
                        .disableApiTermination().value())
                .put("disable_api_stop", attribute(ctx, id, InstanceAttributeName.DISABLE_API_STOP).disableApiStop().value())
                .put("instance_initiated_shutdown_behavior",
                        attribute(ctx, id, InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR)
                                .instanceInitiatedShutdownBehavior().value());
        var userData = attribute(ctx, id, InstanceAttributeName.USER_DATA).userData();
        String encoded = userData == null ? null : userData.value();
        // The provider keeps one of the two: the base64 text when the configuration used user_data_base64, else a hash.
        boolean base64 = state.get("user_data_base64") != null && !String.valueOf(state.get("user_data_base64")).isEmpty();
        attributes.put("user_data", base64 || encoded == null ? null : userDataHash(encoded))
                .put("user_data_base64", base64 ? encoded : null);
        if (credits.containsKey(id)) {
            attributes.put("credit_specification", List.of(Map.of("cpu_credits", credits.get(id))));
        }
        blockDevices(instance, volumes, state, attributes);
    }

    private static software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse attribute(
            CollectorContext ctx, String id, InstanceAttributeName name) {
        return ctx.ec2().describeInstanceAttribute(r -> r.instanceId(id).attribute(name));
    }

    /** The provider's hash of user data: SHA-1 (hex) of the decoded bytes (of the text itself when not base64). */
    static String userDataHash(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            bytes = value.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /**
     * The root device and the other EBS devices, each with its volume's settings. A device's {@code tags_all} is
     * all of its volume's tags (none when the configuration uses {@code volume_tags}, as the provider then writes
     * none); its {@code tags} is the provider's split of them against default_tags, which it does not apply the
     * same way on every path, so the state's own value is kept for it.
     */
    static void blockDevices(Instance instance, Map<String, Volume> volumes, Map<String, Object> state,
                             Attributes attributes) {
        boolean volumeTags = state.get("volume_tags") instanceof Map<?, ?> m && !m.isEmpty();
        Map<Object, Object> stateTags = stateDeviceTags(state);
        Map<String, Object> root = null;
        List<Map<String, Object>> ebs = new ArrayList<>();
        for (InstanceBlockDeviceMapping mapping : instance.blockDeviceMappings()) {
            if (mapping.ebs() == null || !volumes.containsKey(mapping.ebs().volumeId())) {
                continue;
            }
            Volume volume = volumes.get(mapping.ebs().volumeId());
            Map<String, Object> device = new TreeMap<>();
            device.put("volume_id", volume.volumeId());
            device.put("delete_on_termination", Boolean.TRUE.equals(mapping.ebs().deleteOnTermination()));
            device.put("volume_size", volume.size() == null ? 0 : volume.size());
            device.put("volume_type", volume.volumeTypeAsString());
            device.put("iops", volume.iops() == null ? 0 : volume.iops());
            device.put("encrypted", Boolean.TRUE.equals(volume.encrypted()));
            device.put("kms_key_id", volume.kmsKeyId());
            device.put("throughput", volume.throughput() == null ? 0 : volume.throughput());
            device.put("device_name", mapping.deviceName());
            if (!volumeTags) {
                Map<String, Object> all = new TreeMap<>(Tags.ec2(volume.tags()));
                all.keySet().removeIf(key -> key.startsWith("aws:"));
                device.put("tags", stateTags.get(volume.volumeId()));
                device.put("tags_all", all);
            }
            if (mapping.deviceName() != null && mapping.deviceName().equals(instance.rootDeviceName())) {
                root = device;
            } else {
                device.put("snapshot_id", volume.snapshotId());
                ebs.add(device);
            }
        }
        attributes.put("root_block_device", root == null ? List.of() : List.of(root))
                .put("ebs_block_device", ebs);
    }

    /** Each device's {@code tags} in the state, by volume id. */
    private static Map<Object, Object> stateDeviceTags(Map<String, Object> state) {
        Map<Object, Object> tags = new HashMap<>();
        for (String attribute : List.of("root_block_device", "ebs_block_device")) {
            if (state.get(attribute) instanceof List<?> devices) {
                for (Object device : devices) {
                    if (device instanceof Map<?, ?> map && map.get("volume_id") != null) {
                        tags.put(map.get("volume_id"), map.get("tags"));
                    }
                }
            }
        }
        return tags;
    }

    private static Map<String, Volume> volumes(CollectorContext ctx, List<Instance> managed) {
        Map<String, Volume> volumes = new HashMap<>();
        List<String> ids = managed.stream().map(Instance::instanceId).toList();
        for (int from = 0; from < ids.size(); from += FILTER_VALUES) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + FILTER_VALUES));
            ctx.ec2().describeVolumesPaginator(r -> r.filters(f -> f.name("attachment.instance-id").values(chunk)))
                    .volumes().forEach(volume -> volumes.put(volume.volumeId(), volume));
        }
        return volumes;
    }

    /** The CPU credit option of the managed burstable instances (T2 and later), as the provider reads only those. */
    private static Map<String, String> credits(CollectorContext ctx, List<Instance> managed) {
        List<String> ids = managed.stream()
                .filter(instance -> String.valueOf(instance.instanceTypeAsString()).matches("t[2-9][a-z]*\\..*"))
                .map(Instance::instanceId).toList();
        Map<String, String> credits = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CREDIT_IDS) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CREDIT_IDS));
            ctx.ec2().describeInstanceCreditSpecificationsPaginator(r -> r.instanceIds(chunk))
                    .instanceCreditSpecifications().forEach(spec -> credits.put(spec.instanceId(), spec.cpuCredits()));
        }
        return credits;
    }
}
