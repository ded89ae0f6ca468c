package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GatewayType;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * What an operator does in the console to the {@code fixtures/terraform/vpn} resources: edits, deletions and
 * hand-made additions; returns the findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 * Redshift has no SDK module here, so its edits are moto query calls, as the console's are AWS's.
 */
final class VpnFamilyDrift {

    private VpnFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        try (Ec2Client ec2 = MotoClients.ec2()) {
            gateways(f, ec2, expected);
            customerGateways(f, ec2, expected);
        }
        redshift(f, expected);
        return expected;
    }

    private static void gateways(CoverageFixture f, Ec2Client ec2, List<String> expected) {
        ec2.createTags(r -> r.resources(f.id("aws_vpn_gateway.gw[0]"))
                .tags(Tag.builder().key("Name").value("renamed").build()));
        expected.add("CHANGED aws_vpn_gateway.gw[0] tags.Name");

        String second = f.id("aws_vpn_gateway.gw[1]");
        ec2.detachVpnGateway(r -> r.vpnGatewayId(second).vpcId(f.id("aws_vpc.main")));
        ec2.deleteVpnGateway(r -> r.vpnGatewayId(second));
        expected.add("MISSING aws_vpn_gateway.gw[1]");

        // Detached in the console: the attachment is gone; the gateway's own vpc_id is the attachment's to report.
        ec2.detachVpnGateway(r -> r.vpnGatewayId(f.id("aws_vpn_gateway.external")).vpcId(f.id("aws_vpc.peer")));
        expected.add("MISSING aws_vpn_gateway_attachment.external");

        String byHand = ec2.createVpnGateway(r -> r.type(GatewayType.IPSEC_1)).vpnGateway().vpnGatewayId();
        expected.add("UNMANAGED aws_vpn_gateway " + byHand);
    }

    private static void customerGateways(CoverageFixture f, Ec2Client ec2, List<String> expected) {
        ec2.createTags(r -> r.resources(f.id("aws_customer_gateway.office[0]"))
                .tags(Tag.builder().key("Name").value("head-office").build()));
        expected.add("CHANGED aws_customer_gateway.office[0] tags.Name");

        ec2.deleteCustomerGateway(r -> r.customerGatewayId(f.id("aws_customer_gateway.office[1]")));
        expected.add("MISSING aws_customer_gateway.office[1]");

        String byHand = ec2.createCustomerGateway(r -> r.type(GatewayType.IPSEC_1).bgpAsn(65100)
                .ipAddress("198.51.100.7")).customerGateway().customerGatewayId();
        expected.add("UNMANAGED aws_customer_gateway " + byHand);
    }

    private static void redshift(CoverageFixture f, List<String> expected) {
        // moto 5.2.1 has no ModifyClusterSubnetGroup: the edit is a retag.
        MotoRequests.query("redshift", "2012-12-01", "CreateTags", Map.of(
                "ResourceName", f.attribute("aws_redshift_subnet_group.warehouse[0]", "arn"),
                "Tags.Tag.1.Key", "Name", "Tags.Tag.1.Value", "renamed"));
        expected.add("CHANGED aws_redshift_subnet_group.warehouse[0] tags.Name");

        MotoRequests.query("redshift", "2012-12-01", "DeleteClusterSubnetGroup",
                Map.of("ClusterSubnetGroupName", "warehouse-1"));
        expected.add("MISSING aws_redshift_subnet_group.warehouse[1]");

        MotoRequests.query("redshift", "2012-12-01", "CreateClusterSubnetGroup", Map.of(
                "ClusterSubnetGroupName", "by-hand", "Description", "made in the console",
                "SubnetIds.SubnetIdentifier.1", f.id("aws_subnet.redshift[0]")));
        expected.add("UNMANAGED aws_redshift_subnet_group by-hand");
    }
}
