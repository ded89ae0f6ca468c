package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

class Ec2CollectorsTest {

    private Ec2Client ec2;
    private String vpcId;
    private String subnetId;
    private String groupId;

    @BeforeEach
    void createNetwork() {
        MotoServer.shared().reset();
        ec2 = MotoAws.operatorEc2();
        vpcId = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")
                .tagSpecifications(tags(ResourceType.VPC, "Name", "app"))).vpc().vpcId();
        subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.1.1.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        groupId = ec2.createSecurityGroup(r -> r.groupName("web").description("web sg").vpcId(vpcId)
                .tagSpecifications(tags(ResourceType.SECURITY_GROUP, "Team", "ops"))).groupId();
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    @Test
    void vpcsAndSubnetsHaveTerraformShapesAndTheDefaultVpcIsDroppedUnlessStrict() {
        Map<String, LiveResource> vpcs = MotoAws.byId(MotoAws.list("aws_vpc", false));
        assertThat(vpcs).containsOnlyKeys(vpcId);
        LiveResource vpc = vpcs.get(vpcId);
        assertThat(vpc.account()).isEqualTo(MotoAws.ACCOUNT);
        assertThat(vpc.region()).isEqualTo(MotoAws.REGION);
        assertThat(vpc.attributes()).containsEntry("cidr_block", "10.1.0.0/16")
                .containsEntry("instance_tenancy", "default")
                .containsEntry("tags", Map.of("Name", "app"));

        assertThat(MotoAws.list("aws_vpc", true)).hasSize(2)
                .extracting(r -> r.attributes().get("cidr_block")).contains("172.31.0.0/16");

        Map<String, LiveResource> subnets = MotoAws.byId(MotoAws.list("aws_subnet", false));
        assertThat(subnets).containsOnlyKeys(subnetId);
        assertThat(subnets.get(subnetId).attributes())
                .containsEntry("vpc_id", vpcId)
                .containsEntry("cidr_block", "10.1.1.0/24")
                .containsEntry("availability_zone", "us-east-1a")
                .containsEntry("map_public_ip_on_launch", false)
                .containsEntry("tags", Map.of());
        // moto gives the default VPC one default subnet per availability zone.
        assertThat(MotoAws.list("aws_subnet", true).size()).isGreaterThan(1);
    }

    @Test
    void securityGroupRulesAreGroupedLikeTheProviderWritesThem() {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                        .ipRanges(b -> b.cidrIp("10.0.0.0/8").description("https"),
                                b -> b.cidrIp("192.168.0.0/16").description("https"))
                        .build(),
                IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).build())
                        .build()));

        Map<String, LiveResource> groups = MotoAws.byId(MotoAws.list("aws_security_group", false));

        assertThat(groups).containsOnlyKeys(groupId);
        Map<String, Object> attributes = groups.get(groupId).attributes();
        assertThat(attributes).containsEntry("name", "web").containsEntry("description", "web sg")
                .containsEntry("vpc_id", vpcId).containsEntry("tags", Map.of("Team", "ops"));
        assertThat(attributes.get("ingress")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(
                        rule(List.of("10.0.0.0/8", "192.168.0.0/16"), "https", 443, "tcp", false),
                        rule(List.of(), "", 22, "tcp", true));
        // The egress rule AWS adds to every new group, as Terraform writes it: all protocols, ports 0.
        assertThat(attributes.get("egress")).isEqualTo(List.of(rule(List.of("0.0.0.0/0"), "", 0, "-1", false)));

        assertThat(MotoAws.list("aws_security_group", true))
                .extracting(r -> r.attributes().get("name")).contains("default", "web");
    }

    @Test
    void theAllowAllEgressAwsGivesEveryGroupIsNotAHandMadeRuleUnlessStrict() {
        ec2.authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(5432).toPort(5432).ipRanges(b -> b.cidrIp("10.8.0.0/16")).build()));

        assertThat(MotoAws.list("aws_vpc_security_group_egress_rule", false))
                .extracting(rule -> rule.attributes().get("security_group_id") + " " + rule.attributes().get("ip_protocol")
                        + " " + rule.attributes().get("cidr_ipv4"))
                .containsExactly(groupId + " tcp 10.8.0.0/16");
        assertThat(MotoAws.list("aws_vpc_security_group_egress_rule", true))
                .extracting(rule -> rule.attributes().get("security_group_id") + " " + rule.attributes().get("ip_protocol")
                        + " " + rule.attributes().get("cidr_ipv4"))
                .contains(groupId + " tcp 10.8.0.0/16", groupId + " -1 0.0.0.0/0");
    }

    @Test
    void instancesCarryTheirNetworkPlacementAndTerminatedOnesAreSkipped() {
        String ami = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
        String running = ec2.runInstances(r -> r.imageId(ami).instanceType("t2.micro").minCount(1).maxCount(1)
                        .subnetId(subnetId).securityGroupIds(groupId)
                        .tagSpecifications(tags(ResourceType.INSTANCE, "Name", "web")))
                .instances().getFirst().instanceId();
        String terminated = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.small").minCount(1).maxCount(1))
                .instances().getFirst().instanceId();
        ec2.terminateInstances(r -> r.instanceIds(terminated));

        Map<String, LiveResource> instances = MotoAws.byId(MotoAws.list("aws_instance", false));

        assertThat(instances).containsOnlyKeys(running);
        assertThat(running).startsWith("i-");
        assertThat(instances.get(running).attributes())
                .containsEntry("instance_type", "t2.micro")
                .containsEntry("ami", ami)
                .containsEntry("subnet_id", subnetId)
                .containsEntry("vpc_security_group_ids", List.of(groupId))
                .containsEntry("tags", Map.of("Name", "web"));
    }

    private static Map<String, Object> rule(List<String> cidrs, String description, int port, String protocol,
                                            boolean self) {
        return Map.of("cidr_blocks", cidrs, "description", description, "from_port", port,
                "ipv6_cidr_blocks", List.of(), "prefix_list_ids", List.of(), "protocol", protocol,
                "security_groups", List.of(), "self", self, "to_port", port);
    }

    private static TagSpecification tags(ResourceType type, String key, String value) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key(key).value(value).build()).build();
    }
}
