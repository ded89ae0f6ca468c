package dev.driftdeck.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * The settings of {@code aws_launch_template}, read as the provider reads them: from the template's latest version.
 * One DescribeLaunchTemplateVersions call ({@code $Latest}, no template named) answers for every template of the
 * region, so it is made once, and only when a state manages a template. Nested blocks are written in the provider's
 * shapes (absent numbers 0, absent flags false, as it stores them).
 */
final class LaunchTemplateVersions {

    private LaunchTemplateVersions() {
    }

    /** The latest version's settings of every template, by template id; empty when no template is managed. */
    static Map<String, Map<String, Object>> latest(CollectorContext ctx) {
        Map<String, Map<String, Object>> byTemplate = new HashMap<>();
        if (ctx.managed().ids(Ec2Collectors.LAUNCH_TEMPLATE).isEmpty()) {
            return byTemplate;
        }
        for (LaunchTemplateVersion version : ctx.ec2()
                .describeLaunchTemplateVersionsPaginator(r -> r.versions("$Latest")).launchTemplateVersions()) {
            byTemplate.put(version.launchTemplateId(), settings(version));
        }
        return byTemplate;
    }

    static Map<String, Object> settings(LaunchTemplateVersion version) {
        ResponseLaunchTemplateData data = version.launchTemplateData() == null
                ? ResponseLaunchTemplateData.builder().build() : version.launchTemplateData();
        var metadata = data.metadataOptions();
        var placement = data.placement();
        var cpu = data.cpuOptions();
        var capacity = data.capacityReservationSpecification();
        var dns = data.privateDnsNameOptions();
        var market = data.instanceMarketOptions();
        return Attributes.of()
                .put("description", version.versionDescription())
                .put("image_id", data.imageId())
                .put("instance_type", data.instanceTypeAsString())
                .put("key_name", data.keyName())
                .put("kernel_id", data.kernelId())
                .put("ram_disk_id", data.ramDiskId())
                .put("user_data", data.userData())
                .put("disable_api_termination", Boolean.TRUE.equals(data.disableApiTermination()))
                .put("disable_api_stop", Boolean.TRUE.equals(data.disableApiStop()))
                .put("ebs_optimized", data.ebsOptimized() == null ? null : data.ebsOptimized().toString())
                .put("instance_initiated_shutdown_behavior", data.instanceInitiatedShutdownBehaviorAsString())
                .put("vpc_security_group_ids", data.securityGroupIds())
                .put("security_group_names", data.securityGroups())
                .put("metadata_options", block(metadata, m -> Attributes.of()
                        .put("http_endpoint", m.httpEndpointAsString())
                        .put("http_protocol_ipv6", m.httpProtocolIpv6AsString())
                        .put("http_put_response_hop_limit", zero(m.httpPutResponseHopLimit()))
                        .put("http_tokens", m.httpTokensAsString())
                        .put("instance_metadata_tags", m.instanceMetadataTagsAsString())))
                .put("monitoring", block(data.monitoring(), m -> Attributes.of()
                        .put("enabled", Boolean.TRUE.equals(m.enabled()))))
                .put("enclave_options", block(data.enclaveOptions(), e -> Attributes.of()
                        .put("enabled", Boolean.TRUE.equals(e.enabled()))))
                .put("hibernation_options", block(data.hibernationOptions(), h -> Attributes.of()
                        .put("configured", Boolean.TRUE.equals(h.configured()))))
                .put("iam_instance_profile", block(data.iamInstanceProfile(), p -> Attributes.of()
                        .put("arn", p.arn()).put("name", p.name())))
                .put("credit_specification", block(data.creditSpecification(), c -> Attributes.of()
                        .put("cpu_credits", c.cpuCredits())))
                .put("maintenance_options", block(data.maintenanceOptions(), m -> Attributes.of()
                        .put("auto_recovery", m.autoRecoveryAsString())))
                .put("private_dns_name_options", block(dns, d -> Attributes.of()
                        .put("enable_resource_name_dns_a_record", Boolean.TRUE.equals(d.enableResourceNameDnsARecord()))
                        .put("enable_resource_name_dns_aaaa_record", Boolean.TRUE.equals(d.enableResourceNameDnsAAAARecord()))
                        .put("hostname_type", d.hostnameTypeAsString())))
                .put("placement", block(placement, p -> Attributes.of()
                        .put("affinity", p.affinity())
                        .put("availability_zone", p.availabilityZone())
                        .put("group_name", p.groupName())
                        .put("host_id", p.hostId())
                        .put("host_resource_group_arn", p.hostResourceGroupArn())
                        .put("partition_number", zero(p.partitionNumber()))
                        .put("spread_domain", p.spreadDomain())
                        .put("tenancy", p.tenancyAsString())))
                .put("cpu_options", block(cpu, c -> Attributes.of()
                        .put("amd_sev_snp", c.amdSevSnpAsString())
                        .put("core_count", zero(c.coreCount()))
                        .put("threads_per_core", zero(c.threadsPerCore()))))
                .put("capacity_reservation_specification", block(capacity, c -> Attributes.of()
                        .put("capacity_reservation_preference", c.capacityReservationPreferenceAsString())
                        .put("capacity_reservation_target", block(c.capacityReservationTarget(), t -> Attributes.of()
                                .put("capacity_reservation_id", t.capacityReservationId())
                                .put("capacity_reservation_resource_group_arn", t.capacityReservationResourceGroupArn())))))
                .put("instance_market_options", block(market, m -> Attributes.of()
                        .put("market_type", m.marketTypeAsString())
                        .put("spot_options", block(m.spotOptions(), o -> Attributes.of()
                                .put("block_duration_minutes", zero(o.blockDurationMinutes()))
                                .put("instance_interruption_behavior", o.instanceInterruptionBehaviorAsString())
                                .put("max_price", o.maxPrice())
                                .put("spot_instance_type", o.spotInstanceTypeAsString())
                                .put("valid_until", o.validUntil() == null ? null : o.validUntil().toString())))))
                .put("network_interfaces", data.networkInterfaces().stream()
                        .map(LaunchTemplateVersions::networkInterface).toList())
                .put("block_device_mappings", data.blockDeviceMappings().stream()
                        .map(LaunchTemplateVersions::blockDevice).toList())
                .put("elastic_gpu_specifications", data.elasticGpuSpecifications().stream()
                        .map(g -> Attributes.of().put("type", g.type()).build()).toList())
                .put("elastic_inference_accelerator", data.elasticInferenceAccelerators().stream()
                        .map(a -> Attributes.of().put("type", a.type()).build()).toList())
                .put("license_specification", data.licenseSpecifications().stream()
                        .map(l -> Attributes.of().put("license_configuration_arn", l.licenseConfigurationArn()).build())
                        .toList())
                .put("tag_specifications", data.tagSpecifications().stream()
                        .map(t -> Attributes.of().put("resource_type", t.resourceTypeAsString())
                                .put("tags", withoutAwsTags(Tags.ec2(t.tags()))).build())
                        .toList())
                .build();
    }

    private static Map<String, Object> blockDevice(LaunchTemplateBlockDeviceMapping mapping) {
        var ebs = mapping.ebs();
        return Attributes.of()
                .put("device_name", mapping.deviceName())
                .put("no_device", mapping.noDevice())
                .put("virtual_name", mapping.virtualName())
                .put("ebs", block(ebs, e -> Attributes.of()
                        // The provider keeps these two flags as text: "true", "false", or "" when unset.
                        .put("delete_on_termination", e.deleteOnTermination() == null ? null : e.deleteOnTermination().toString())
                        .put("encrypted", e.encrypted() == null ? null : e.encrypted().toString())
                        .put("iops", zero(e.iops()))
                        .put("kms_key_id", e.kmsKeyId())
                        .put("snapshot_id", e.snapshotId())
                        .put("throughput", zero(e.throughput()))
                        .put("volume_initialization_rate", zero(e.volumeInitializationRate()))
                        .put("volume_size", zero(e.volumeSize()))
                        .put("volume_type", e.volumeTypeAsString())))
                .build();
    }

    private static Map<String, Object> networkInterface(LaunchTemplateInstanceNetworkInterfaceSpecification ni) {
        return Attributes.of()
                .put("associate_carrier_ip_address", text(ni.associateCarrierIpAddress()))
                .put("associate_public_ip_address", text(ni.associatePublicIpAddress()))
                .put("delete_on_termination", text(ni.deleteOnTermination()))
                .put("description", ni.description())
                .put("device_index", zero(ni.deviceIndex()))
                .put("interface_type", ni.interfaceType())
                .put("ipv4_address_count", zero(ni.secondaryPrivateIpAddressCount()))
                .put("ipv4_addresses", ni.privateIpAddresses().stream().map(a -> a.privateIpAddress()).toList())
                .put("ipv4_prefix_count", zero(ni.ipv4PrefixCount()))
                .put("ipv4_prefixes", ni.ipv4Prefixes().stream().map(a -> a.ipv4Prefix()).toList())
                .put("ipv6_address_count", zero(ni.ipv6AddressCount()))
                .put("ipv6_addresses", ni.ipv6Addresses().stream().map(a -> a.ipv6Address()).toList())
                .put("ipv6_prefix_count", zero(ni.ipv6PrefixCount()))
                .put("ipv6_prefixes", ni.ipv6Prefixes().stream().map(a -> a.ipv6Prefix()).toList())
                .put("network_card_index", zero(ni.networkCardIndex()))
                .put("network_interface_id", ni.networkInterfaceId())
                .put("primary_ipv6", text(ni.primaryIpv6()))
                .put("private_ip_address", ni.privateIpAddress())
                .put("security_groups", ni.groups())
                .put("subnet_id", ni.subnetId())
                .put("connection_tracking_specification", block(ni.connectionTrackingSpecification(), c -> Attributes.of()
                        .put("tcp_established_timeout", zero(c.tcpEstablishedTimeout()))
                        .put("udp_stream_timeout", zero(c.udpStreamTimeout()))
                        .put("udp_timeout", zero(c.udpTimeout()))))
                .put("ena_srd_specification", block(ni.enaSrdSpecification(), e -> Attributes.of()
                        .put("ena_srd_enabled", Boolean.TRUE.equals(e.enaSrdEnabled()))
                        .put("ena_srd_udp_specification", block(e.enaSrdUdpSpecification(), u -> Attributes.of()
                                .put("ena_srd_udp_enabled", Boolean.TRUE.equals(u.enaSrdUdpEnabled()))))))
                .build();
    }

    /** The provider keeps some flags as text: "true", "false", or "" when unset. */
    private static String text(Boolean flag) {
        return flag == null ? null : flag.toString();
    }

    private static Map<String, Object> withoutAwsTags(Map<String, Object> tags) {
        Map<String, Object> kept = new java.util.TreeMap<>(tags);
        kept.keySet().removeIf(key -> key.startsWith("aws:"));
        return kept;
    }

    /** A nested block as the provider stores it: a list of one map, or none. */
    private static <T> List<Map<String, Object>> block(T value, Function<T, Attributes> fields) {
        return value == null ? List.of() : List.of(fields.apply(value).build());
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }
}
