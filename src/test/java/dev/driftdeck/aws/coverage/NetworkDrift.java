package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Drifts, deletes and adds by hand the VPC, security group and EC2 resources of the coverage fixture; returns the
 * findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class NetworkDrift {

    private NetworkDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        try (Ec2Client ec2 = MotoClients.ec2()) {
            // Tags drift key by key on every tagged EC2 type.
            for (String address : List.of("aws_vpc.main[0]", "aws_subnet.a[0]", "aws_internet_gateway.gw[0]",
                    "aws_eip.ip[0]", "aws_nat_gateway.nat[0]", "aws_vpc_endpoint.s3[0]", "aws_instance.web[0]",
                    "aws_ebs_volume.data[0]")) {
                ec2.createTags(r -> r.resources(f.id(address)).tags(Tag.builder().key("Name").value("by-hand").build()));
                expected.add("CHANGED " + address + " tags.Name");
            }
            String vpc0 = f.id("aws_vpc.main[0]");

            // Deletions, dependants first.
            ec2.deleteVpcEndpoints(r -> r.vpcEndpointIds(f.id("aws_vpc_endpoint.s3[1]")));
            ec2.detachInternetGateway(r -> r.internetGatewayId(f.id("aws_internet_gateway.gw[1]"))
                    .vpcId(f.id("aws_vpc.main[1]")));
            ec2.deleteInternetGateway(r -> r.internetGatewayId(f.id("aws_internet_gateway.gw[1]")));
            ec2.deleteVpc(r -> r.vpcId(f.id("aws_vpc.main[1]")));
            ec2.deleteNatGateway(r -> r.natGatewayId(f.id("aws_nat_gateway.nat[1]")));
            ec2.releaseAddress(r -> r.allocationId(f.id("aws_eip.ip[1]")));
            ec2.disassociateRouteTable(r -> r.associationId(f.id("aws_route_table_association.a[1]")));
            ec2.terminateInstances(r -> r.instanceIds(f.id("aws_instance.web[1]")));
            ec2.deleteVolume(r -> r.volumeId(f.id("aws_ebs_volume.data[1]")));
            ec2.deleteKeyPair(r -> r.keyName("ops-1"));
            ec2.deleteLaunchTemplate(r -> r.launchTemplateId(f.id("aws_launch_template.app[1]")));
            for (String address : List.of("aws_vpc_endpoint.s3[1]", "aws_internet_gateway.gw[1]", "aws_vpc.main[1]",
                    "aws_nat_gateway.nat[1]", "aws_eip.ip[1]", "aws_route_table_association.a[1]",
                    "aws_instance.web[1]", "aws_ebs_volume.data[1]", "aws_key_pair.ops[1]",
                    "aws_launch_template.app[1]")) {
                expected.add("MISSING " + address);
            }

            // Routes: an inline table gains a route (CHANGED on the table, never an unmanaged aws_route), a
            // separate aws_route is repointed, another deleted.
            String inline = f.id("aws_route_table.inline");
            ec2.createRoute(r -> r.routeTableId(inline).destinationCidrBlock("10.77.0.0/16")
                    .gatewayId(f.id("aws_internet_gateway.gw[0]")));
            expected.add("CHANGED aws_route_table.inline route");
            String separate = f.id("aws_route_table.separate");
            ec2.replaceRoute(r -> r.routeTableId(separate).destinationCidrBlock("10.50.0.0/16")
                    .gatewayId(f.id("aws_internet_gateway.gw[0]")));
            expected.add("CHANGED aws_route.nat[0] gateway_id");
            expected.add("CHANGED aws_route.nat[0] nat_gateway_id");
            ec2.deleteRoute(r -> r.routeTableId(separate).destinationCidrBlock("10.51.0.0/16"));
            expected.add("MISSING aws_route.nat[1]");
            expected.add("CHANGED aws_route_table.separate route");

            // Security groups: each rule style drifts on its rule resource and on the group's inline sets.
            String inlineGroup = f.id("aws_security_group.inline");
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(inlineGroup).ipPermissions(tcp(22, "10.9.0.0/16")));
            expected.add("CHANGED aws_security_group.inline ingress");
            String legacy = f.id("aws_security_group.legacy");
            ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(legacy).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(8080).toPort(8080)
                    .ipRanges(range -> range.cidrIp("10.1.0.0/16").description("edited")).build()));
            expected.add("CHANGED aws_security_group_rule.legacy[0] description");
            ec2.revokeSecurityGroupIngress(r -> r.groupId(legacy).ipPermissions(tcp(8081, "10.1.0.0/16")));
            expected.add("MISSING aws_security_group_rule.legacy[1]");
            expected.add("CHANGED aws_security_group.legacy ingress");
            String v5 = f.id("aws_security_group.v5");
            ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(v5).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(22).toPort(22)
                    .ipRanges(range -> range.cidrIp("10.2.0.0/16").description("edited")).build()));
            expected.add("CHANGED aws_vpc_security_group_ingress_rule.v5[0] description");
            ec2.revokeSecurityGroupIngress(r -> r.groupId(v5)
                    .securityGroupRuleIds(f.id("aws_vpc_security_group_ingress_rule.v5[1]")));
            expected.add("MISSING aws_vpc_security_group_ingress_rule.v5[1]");
            ec2.revokeSecurityGroupEgress(r -> r.groupId(v5)
                    .securityGroupRuleIds(f.id("aws_vpc_security_group_egress_rule.v5[1]")));
            expected.add("MISSING aws_vpc_security_group_egress_rule.v5[1]");
            expected.add("CHANGED aws_security_group.v5 ingress");
            expected.add("CHANGED aws_security_group.v5 egress");

            // Launch template: a new default version.
            String template = f.id("aws_launch_template.app[0]");
            ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(template)
                    .launchTemplateData(d -> d.instanceType("t3.small")));
            ec2.modifyLaunchTemplate(r -> r.launchTemplateId(template).defaultVersion("2"));
            expected.add("CHANGED aws_launch_template.app[0] default_version");
            // The provider reads the latest version's settings: this one names only an instance type (no AMI, none of
            // the first version's tag specifications), as a version made without a source version does.
            expected.addAll(List.of("CHANGED aws_launch_template.app[0] image_id",
                    "CHANGED aws_launch_template.app[0] instance_type",
                    "CHANGED aws_launch_template.app[0] tag_specifications"));

            // Security and durability settings an operator changes in the console: each reads CHANGED on its attribute.
            String web = f.id("aws_instance.web[0]");
            ec2.modifyInstanceAttribute(r -> r.instanceId(web).disableApiTermination(v -> v.value(true)));
            expected.add("CHANGED aws_instance.web[0] disable_api_termination");
            // IMDSv2 turned off (moto forgets the options a call leaves out, so all are given).
            ec2.modifyInstanceMetadataOptions(r -> r.instanceId(web).httpTokens("optional").httpEndpoint("enabled")
                    .httpPutResponseHopLimit(2).httpProtocolIpv6("disabled").instanceMetadataTags("disabled"));
            expected.add("CHANGED aws_instance.web[0] metadata_options");
            ec2.modifySubnetAttribute(r -> r.subnetId(f.id("aws_subnet.a[0]")).mapPublicIpOnLaunch(v -> v.value(true)));
            expected.add("CHANGED aws_subnet.a[0] map_public_ip_on_launch");
            ec2.modifyVpcAttribute(r -> r.vpcId(vpc0).enableDnsHostnames(v -> v.value(true)));
            expected.add("CHANGED aws_vpc.main[0] enable_dns_hostnames");
            ec2.modifyVolume(r -> r.volumeId(f.id("aws_ebs_volume.data[0]")).iops(4000));
            expected.add("CHANGED aws_ebs_volume.data[0] iops");
            ec2.modifyVpcEndpoint(r -> r.vpcEndpointId(f.id("aws_vpc_endpoint.s3[0]")).policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}"""));
            expected.add("CHANGED aws_vpc_endpoint.s3[0] policy");

            // Unmanaged additions: one of each type, made by hand.
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.99.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc0).cidrBlock("10.10.9.0/24")).subnet().subnetId();
            String gateway = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
            String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
            String nat = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(eip)).natGateway().natGatewayId();
            String table = ec2.createRouteTable(r -> r.vpcId(vpc0)).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway));
            String association = ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet)).associationId();
            String endpoint = ec2.createVpcEndpoint(r -> r.vpcId(vpc0).serviceName("com.amazonaws.us-east-1.dynamodb")
                    .routeTableIds(table)).vpcEndpoint().vpcEndpointId();
            String group = ec2.createSecurityGroup(r -> r.groupName("by-hand").description("by hand").vpcId(vpc0)).groupId();
            String ami = f.attribute("aws_instance.web[0]", "ami");
            String instance = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1)
                    .subnetId(subnet)).instances().getFirst().instanceId();
            String volume = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(5)).volumeId();
            ec2.createKeyPair(r -> r.keyName("by-hand"));
            String launchTemplate = ec2.createLaunchTemplate(r -> r.launchTemplateName("by-hand")
                    .launchTemplateData(d -> d.instanceType("t3.micro"))).launchTemplate().launchTemplateId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(tcp(5432, "10.8.0.0/16")));
            // the hand-made rule, not the allow-all egress AWS gives every new group
            List<String> groupRules = ec2.describeSecurityGroupRules(r -> r.filters(x -> x.name("group-id").values(group)))
                    .securityGroupRules().stream()
                    .filter(rule -> !(Boolean.TRUE.equals(rule.isEgress()) && "-1".equals(rule.ipProtocol())
                            && "0.0.0.0/0".equals(rule.cidrIpv4())))
                    .map(rule -> (Boolean.TRUE.equals(rule.isEgress()) ? "aws_vpc_security_group_egress_rule "
                            : "aws_vpc_security_group_ingress_rule ") + rule.securityGroupRuleId())
                    .toList();
            expected.addAll(List.of("UNMANAGED aws_vpc " + vpc, "UNMANAGED aws_subnet " + subnet,
                    "UNMANAGED aws_internet_gateway " + gateway, "UNMANAGED aws_eip " + eip,
                    "UNMANAGED aws_nat_gateway " + nat, "UNMANAGED aws_route_table " + table,
                    "UNMANAGED aws_route " + dev.driftdeck.aws.coverage.Ids.route(table, "0.0.0.0/0"),
                    "UNMANAGED aws_route_table_association " + association,
                    "UNMANAGED aws_vpc_endpoint " + endpoint, "UNMANAGED aws_security_group " + group,
                    "UNMANAGED aws_instance " + instance, "UNMANAGED aws_ebs_volume " + volume,
                    "UNMANAGED aws_key_pair by-hand", "UNMANAGED aws_launch_template " + launchTemplate));
            groupRules.forEach(rule -> expected.add("UNMANAGED " + rule));
        }
        return expected;
    }

    private static IpPermission tcp(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(range -> range.cidrIp(cidr)).build();
    }

}
