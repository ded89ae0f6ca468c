package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TrafficType;

/**
 * What an operator does in the console to the {@code fixtures/terraform/network} resources: edits, deletions and
 * hand-made additions; returns the findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class NetworkFamilyDrift {

    private NetworkFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        try (Ec2Client ec2 = MotoClients.ec2()) {
            String vpc = f.id("aws_vpc.main");
            for (String address : List.of("aws_network_acl.inline", "aws_default_network_acl.main",
                    "aws_vpc_dhcp_options.corp[0]", "aws_flow_log.vpc[0]", "aws_egress_only_internet_gateway.eigw[0]")) {
                ec2.createTags(r -> r.resources(f.id(address)).tags(Tag.builder().key("Name").value("by-hand").build()));
                expected.add("CHANGED " + address + " tags.Name");
            }

            // Separate NACL rules: one edited, one deleted; both also drift the ACL's computed inline set.
            String separate = f.id("aws_network_acl.separate");
            ec2.replaceNetworkAclEntry(r -> r.networkAclId(separate).ruleNumber(100).egress(false).protocol("6")
                    .ruleAction(RuleAction.ALLOW).cidrBlock("10.9.0.0/16").portRange(p -> p.from(22).to(22)));
            expected.add("CHANGED aws_network_acl_rule.ingress[0] cidr_block");
            ec2.deleteNetworkAclEntry(r -> r.networkAclId(separate).ruleNumber(101).egress(false));
            expected.add("MISSING aws_network_acl_rule.ingress[1]");
            expected.add("CHANGED aws_network_acl.separate ingress");
            // A rule added by hand to a managed ACL is the ACL's drift, never an unmanaged rule.
            ec2.createNetworkAclEntry(r -> r.networkAclId(f.id("aws_network_acl.inline")).ruleNumber(200).egress(false)
                    .protocol("17").ruleAction(RuleAction.DENY).cidrBlock("10.6.0.0/16").portRange(p -> p.from(53).to(53)));
            expected.add("CHANGED aws_network_acl.inline ingress");
            ec2.replaceNetworkAclEntry(r -> r.networkAclId(f.id("aws_default_network_acl.main")).ruleNumber(100)
                    .egress(false).protocol("-1").ruleAction(RuleAction.DENY).cidrBlock("0.0.0.0/0"));
            expected.add("CHANGED aws_default_network_acl.main ingress");

            // AWS's default objects, adopted: each console edit shows on the aws_default_* resource.
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(f.id("aws_default_security_group.main"))
                    .ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                            .ipRanges(range -> range.cidrIp("10.9.0.0/16")).build()));
            expected.add("CHANGED aws_default_security_group.main ingress");
            ec2.createRoute(r -> r.routeTableId(f.id("aws_default_route_table.main")).destinationCidrBlock("10.77.0.0/16")
                    .gatewayId(f.id("aws_internet_gateway.gw")));
            expected.add("CHANGED aws_default_route_table.main route");
            ec2.modifyVpcAttribute(r -> r.vpcId(f.id("aws_default_vpc.default")).enableDnsHostnames(v -> v.value(false)));
            expected.add("CHANGED aws_default_vpc.default enable_dns_hostnames");
            ec2.modifySubnetAttribute(r -> r.subnetId(f.id("aws_default_subnet.a")).mapPublicIpOnLaunch(v -> v.value(false)));
            expected.add("CHANGED aws_default_subnet.a map_public_ip_on_launch");

            // DHCP options replaced on the VPC: the managed association is gone, the new one and its set are not ours.
            String replacement = ec2.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name").values("by-hand.internal")))
                    .dhcpOptions().dhcpOptionsId();
            ec2.associateDhcpOptions(r -> r.vpcId(vpc).dhcpOptionsId(replacement));
            ec2.deleteDhcpOptions(r -> r.dhcpOptionsId(f.id("aws_vpc_dhcp_options.corp[1]")));
            expected.addAll(List.of("MISSING aws_vpc_dhcp_options_association.main",
                    "UNMANAGED aws_vpc_dhcp_options_association " + replacement + "-" + vpc,
                    "UNMANAGED aws_vpc_dhcp_options " + replacement, "MISSING aws_vpc_dhcp_options.corp[1]"));

            // Deletions.
            ec2.deleteFlowLogs(r -> r.flowLogIds(f.id("aws_flow_log.vpc[1]")));
            ec2.deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId(
                    f.id("aws_egress_only_internet_gateway.eigw[1]")));
            ec2.disassociateVpcCidrBlock(r -> r.associationId(f.id("aws_vpc_ipv4_cidr_block_association.secondary[1]")));
            expected.addAll(List.of("MISSING aws_flow_log.vpc[1]", "MISSING aws_egress_only_internet_gateway.eigw[1]",
                    "MISSING aws_vpc_ipv4_cidr_block_association.secondary[1]"));

            // Unmanaged additions, one of each type.
            String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
            ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).protocol("6")
                    .ruleAction(RuleAction.ALLOW).cidrBlock("10.5.0.0/16").portRange(p -> p.from(443).to(443)));
            String flowLog = ec2.createFlowLogs(r -> r.resourceIds(f.id("aws_subnet.a[0]"))
                    .resourceType(FlowLogsResourceType.SUBNET).trafficType(TrafficType.ACCEPT)
                    .logDestinationType(LogDestinationType.S3)
                    .logDestination("arn:aws:s3:::" + f.id("aws_s3_bucket.flow_logs[0]"))).flowLogIds().getFirst();
            String gateway = ec2.createEgressOnlyInternetGateway(r -> r.vpcId(vpc))
                    .egressOnlyInternetGateway().egressOnlyInternetGatewayId();
            String cidr = ec2.associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("10.30.0.0/16"))
                    .cidrBlockAssociation().associationId();
            expected.addAll(List.of("UNMANAGED aws_network_acl " + acl,
                    "UNMANAGED aws_network_acl_rule " + Ids.networkAclRule(acl, 100, false, "6"),
                    "UNMANAGED aws_flow_log " + flowLog, "UNMANAGED aws_egress_only_internet_gateway " + gateway,
                    "UNMANAGED aws_vpc_ipv4_cidr_block_association " + cidr));
        }
        return expected;
    }
}
