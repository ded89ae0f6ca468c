package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The network family's settings that real AWS returns and moto 5.2.1 does not (an instance's capacity reservation,
 * DNS name and maintenance options, a VPC's or subnet's IPv6 block, a NAT gateway's secondary addresses, a flow
 * log's destination options, a launch template's block devices): mapped from SDK values shaped as the EC2 API
 * reference documents them into the shapes the provider writes in the state, where the fixture tests cannot reach.
 */
class NetworkDepthShapesTest {

    @Test
    void anInstanceHasTheProvidersBlocksWithAbsentFlagsFalseAndAbsentNumbersZero() {
        Instance instance = Instance.builder().instanceId("i-1").subnetId("subnet-1")
                .placement(p -> p.availabilityZone("eu-west-1a").tenancy("default"))
                .cpuOptions(c -> c.coreCount(1).threadsPerCore(2))
                .capacityReservationSpecification(c -> c.capacityReservationPreference("open"))
                .privateDnsNameOptions(d -> d.hostnameType("ip-name").enableResourceNameDnsARecord(true))
                .maintenanceOptions(m -> m.autoRecovery("default"))
                .metadataOptions(m -> m.httpTokens("required").httpEndpoint("enabled"))
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::123456789012:instance-profile/apps/web"))
                .sourceDestCheck(true)
                .build();

        Map<String, Object> attributes = Ec2Instances.described(instance).build();

        assertThat(attributes)
                .containsEntry("capacity_reservation_specification", List.of(Map.of(
                        "capacity_reservation_preference", "open", "capacity_reservation_target", List.of())))
                .containsEntry("private_dns_name_options", List.of(Map.of("enable_resource_name_dns_a_record", true,
                        "enable_resource_name_dns_aaaa_record", false, "hostname_type", "ip-name")))
                .containsEntry("maintenance_options", List.of(Map.of("auto_recovery", "default")))
                .containsEntry("cpu_core_count", 1).containsEntry("cpu_threads_per_core", 2)
                .containsEntry("placement_partition_number", 0)
                .containsEntry("iam_instance_profile", "web")
                .containsEntry("hibernation", false).containsEntry("monitoring", false)
                .containsEntry("associate_public_ip_address", false).containsEntry("source_dest_check", true);
        assertThat(attributes.get("metadata_options")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("http_tokens", "required").containsEntry("http_put_response_hop_limit", 0);
    }

    @Test
    void userDataIsHashedAsTheProviderStoresIt() {
        // sha1("#!/bin/sh\necho hi\n"): the provider hashes the decoded bytes of what AWS returns in base64.
        assertThat(Ec2Instances.userDataHash("IyEvYmluL3NoCmVjaG8gaGkK"))
                .isEqualTo("b2b62c101a156f5f12dd7197cf7ae9424164b115");
    }

    @Test
    void aVpcsAmazonIpv6BlockIsAssignGeneratedAndAnotherPoolIsNamed() {
        Vpc amazon = Vpc.builder().vpcId("vpc-1").cidrBlock("10.0.0.0/16").ipv6CidrBlockAssociationSet(a -> a
                .ipv6CidrBlock("2600:1f18::/56").ipv6Pool("Amazon").networkBorderGroup("us-east-1")
                .ipv6CidrBlockState(s -> s.state("associated"))).build();
        Vpc pooled = Vpc.builder().vpcId("vpc-2").ipv6CidrBlockAssociationSet(
                a -> a.ipv6CidrBlock("2600:1f18:1::/56").ipv6Pool("ipv6pool-ec2-1").ipv6CidrBlockState(s -> s.state("disassociated")),
                a -> a.ipv6CidrBlock("2600:1f18:2::/56").ipv6Pool("ipv6pool-ec2-2").ipv6CidrBlockState(s -> s.state("associated")))
                .build();

        assertThat(VpcCollectors.vpcAttributes(null, amazon, false))
                .containsEntry("assign_generated_ipv6_cidr_block", true)
                .containsEntry("ipv6_cidr_block", "2600:1f18::/56")
                .containsEntry("ipv6_cidr_block_network_border_group", "us-east-1")
                .containsEntry("ipv6_ipam_pool_id", null)
                .doesNotContainKey("enable_dns_support");
        assertThat(VpcCollectors.vpcAttributes(null, pooled, false))
                .containsEntry("assign_generated_ipv6_cidr_block", false)
                .containsEntry("ipv6_cidr_block", "2600:1f18:2::/56")
                .containsEntry("ipv6_ipam_pool_id", "ipv6pool-ec2-2");
    }

    @Test
    void aSubnetsIpv6BlockAndOutpostSettingsAreRead() {
        Subnet subnet = Subnet.builder().subnetId("subnet-1").availabilityZoneId("euw1-az1").ipv6Native(true)
                .ipv6CidrBlockAssociationSet(a -> a.ipv6CidrBlock("2600:1f18::/64")
                        .ipv6CidrBlockState(s -> s.state("associated")))
                .customerOwnedIpv4Pool("ipv4pool-coip-1").mapCustomerOwnedIpOnLaunch(true)
                .outpostArn("arn:aws:outposts:eu-west-1:123456789012:outpost/op-1").build();

        assertThat(VpcCollectors.subnetAttributes(subnet))
                .containsEntry("ipv6_cidr_block", "2600:1f18::/64").containsEntry("ipv6_native", true)
                .containsEntry("availability_zone_id", "euw1-az1")
                .containsEntry("customer_owned_ipv4_pool", "ipv4pool-coip-1")
                .containsEntry("map_customer_owned_ip_on_launch", true)
                .containsEntry("enable_lni_at_device_index", 0)
                .containsEntry("assign_ipv6_address_on_creation", false);
    }

    @Test
    void aNatGatewaysPrimaryAddressIsItsOwnAndTheOthersSecondary() {
        NatGateway nat = NatGateway.builder().natGatewayId("nat-1").connectivityType("private").natGatewayAddresses(
                a -> a.privateIp("10.0.0.9").isPrimary(false),
                a -> a.privateIp("10.0.0.5").allocationId("eipalloc-1").isPrimary(true),
                a -> a.privateIp("10.0.0.10").isPrimary(false)).build();

        assertThat(VpcCollectors.natGateway(nat))
                .containsEntry("allocation_id", "eipalloc-1").containsEntry("private_ip", "10.0.0.5")
                .containsEntry("secondary_private_ip_addresses", List.of("10.0.0.9", "10.0.0.10"))
                .containsEntry("secondary_private_ip_address_count", 2)
                .containsEntry("secondary_allocation_ids", List.of());
    }

    @Test
    void aFlowLogsDestinationOptionsHaveTheFlagsAwsLeavesOutFalse() {
        FlowLog log = FlowLog.builder().flowLogId("fl-1").resourceId("vpc-1")
                .destinationOptions(d -> d.fileFormat("parquet").perHourPartition(true)).build();

        assertThat(FlowLogCollectors.attributes(log)).containsEntry("destination_options", List.of(Map.of(
                "file_format", "parquet", "hive_compatible_partitions", false, "per_hour_partition", true)));
    }

    @Test
    void aLaunchTemplatesBlockDevicesKeepTheProvidersTextFlagsAndZeroNumbers() {
        LaunchTemplateVersion version = LaunchTemplateVersion.builder().launchTemplateId("lt-1").versionNumber(3L)
                .launchTemplateData(d -> d.imageId("ami-1").ebsOptimized(true)
                        .blockDeviceMappings(b -> b.deviceName("/dev/xvda")
                                .ebs(e -> e.volumeSize(20).volumeType("gp3").deleteOnTermination(true)))
                        .metadataOptions(m -> m.httpTokens("required").httpPutResponseHopLimit(2)))
                .build();

        Map<String, Object> settings = LaunchTemplateVersions.settings(version);

        assertThat(settings).containsEntry("image_id", "ami-1").containsEntry("ebs_optimized", "true")
                .containsEntry("disable_api_termination", false).containsEntry("monitoring", List.of());
        Map<String, Object> ebs = new java.util.HashMap<>();
        ebs.put("delete_on_termination", "true");
        ebs.put("encrypted", null);
        ebs.put("iops", 0);
        ebs.put("kms_key_id", null);
        ebs.put("snapshot_id", null);
        ebs.put("throughput", 0);
        ebs.put("volume_initialization_rate", 0);
        ebs.put("volume_size", 20);
        ebs.put("volume_type", "gp3");
        assertThat(settings.get("block_device_mappings")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("device_name", "/dev/xvda").containsEntry("ebs", List.of(ebs));
    }

    @Test
    void aLaunchTemplatesNetworkInterfacesHaveTheProvidersFields() {
        LaunchTemplateVersion version = LaunchTemplateVersion.builder().launchTemplateId("lt-1")
                .launchTemplateData(d -> d.networkInterfaces(n -> n.deviceIndex(0).associatePublicIpAddress(false)
                        .groups("sg-1").subnetId("subnet-1").ipv6AddressCount(1)))
                .build();

        Map<String, Object> settings = LaunchTemplateVersions.settings(version);

        assertThat(settings.get("network_interfaces")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("associate_public_ip_address", "false").containsEntry("device_index", 0)
                .containsEntry("ipv6_address_count", 1).containsEntry("ipv4_address_count", 0)
                .containsEntry("security_groups", List.of("sg-1")).containsEntry("subnet_id", "subnet-1")
                .containsEntry("connection_tracking_specification", List.of());
        assertThat(settings).containsEntry("placement", List.of());
    }
}
