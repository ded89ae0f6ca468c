package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.ec2.model.CustomerGateway;
import software.amazon.awssdk.services.ec2.model.PropagatingVgw;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.VpcAttachment;
import software.amazon.awssdk.services.ec2.model.VpnGateway;
import dev.driftdeck.remediation.ImportIds;

/**
 * The site-to-site VPN side of a VPC, as the vpc module creates it: virtual private gateways, their VPC attachments,
 * the route tables they propagate into, and customer gateways. DescribeVpnGateways and DescribeCustomerGateways
 * return the whole region in one answer (they have no pagination); route tables are paged at 100, the API's largest.
 * Gateways AWS is deleting or has deleted, and attachments being detached, no longer exist for Terraform.
 */
final class VpnGatewayCollectors {

    static final String VPN_GATEWAY = "aws_vpn_gateway";
    static final String ATTACHMENT = "aws_vpn_gateway_attachment";
    static final String ROUTE_PROPAGATION = "aws_vpn_gateway_route_propagation";
    static final String CUSTOMER_GATEWAY = "aws_customer_gateway";

    private static final int ROUTE_TABLE_PAGE = 100;
    private static final List<String> GONE = List.of("deleting", "deleted");

    private VpnGatewayCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(VPN_GATEWAY).actions("ec2:DescribeVpnGateways")
                        .compare("vpc_id", STRING).compare("amazon_side_asn", STRING)
                        .compare("availability_zone", STRING).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(VpnGatewayCollectors::gateways),
                // Both arguments are the identity: the provider's id is a hash of them (see attachmentId).
                CollectorDefinition.regional(ATTACHMENT).actions("ec2:DescribeVpnGateways")
                        .notCompared(NotCompared.IDENTITY, "vpc_id", "vpn_gateway_id")
                        .partOf(VPN_GATEWAY, "vpn_gateway_id").shownOnParentAs("vpc_id")
                        .importId(ImportIds.notImportable("the provider documents no import for it (\"You cannot import this resource\"): import the aws_vpn_gateway with vpc_id set instead")).listedBy(VpnGatewayCollectors::attachments),
                // "<route table>_<gateway>"; a table can also hold the gateway inline in propagating_vgws.
                CollectorDefinition.regional(ROUTE_PROPAGATION).actions("ec2:DescribeRouteTables")
                        .notCompared(NotCompared.IDENTITY, "route_table_id", "vpn_gateway_id")
                        .partOf(VpcCollectors.ROUTE_TABLE, "route_table_id").shownOnParentAs("propagating_vgws")
                        .importId(ImportIds.notImportable("the provider documents no import for it: declare it in code, Terraform adopts the existing propagation on apply")).listedBy(VpnGatewayCollectors::propagations),
                // A customer gateway cannot be edited, only retagged or replaced; all of it is compared so that a
                // replacement made by hand reads as the deletion and the addition it is.
                CollectorDefinition.regional(CUSTOMER_GATEWAY).actions("ec2:DescribeCustomerGateways")
                        .compare("type", STRING).compare("ip_address", STRING).compare("bgp_asn", STRING)
                        .compare("bgp_asn_extended", STRING).compare("certificate_arn", STRING)
                        .compare("device_name", STRING).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(VpnGatewayCollectors::customerGateways));
    }

    private static List<VpnGateway> liveGateways(CollectorContext ctx) {
        return ctx.ec2().describeVpnGateways(r -> { }).vpnGateways().stream()
                .filter(gateway -> !GONE.contains(gateway.stateAsString()))
                .toList();
    }

    private static List<LiveResource> gateways(CollectorContext ctx) {
        List<Object> separatelyAttached = ctx.managed().resources(ATTACHMENT).values().stream()
                .map(attachment -> attachment.get("vpn_gateway_id")).toList();
        return liveGateways(ctx).stream()
                .map(gateway -> ctx.resource(VPN_GATEWAY, gateway.vpnGatewayId(), Attributes.of()
                        .put("vpc_id", SeparatelyManaged.orStateValue(ctx, VPN_GATEWAY, gateway.vpnGatewayId(),
                                "vpc_id", separatelyAttached.contains(gateway.vpnGatewayId()), attachedVpc(gateway)))
                        // The provider writes the ASN as a string, "0" when AWS gives none.
                        .put("amazon_side_asn", String.valueOf(gateway.amazonSideAsn() == null
                                ? 0L : gateway.amazonSideAsn()))
                        .put("availability_zone", gateway.availabilityZone())
                        .put("tags", Tags.ec2(gateway.tags()))
                        .build()))
                .toList();
    }

    /** The VPC the gateway is attached to, or is being attached to, as the provider reads it. */
    private static String attachedVpc(VpnGateway gateway) {
        return gateway.vpcAttachments().stream().filter(VpnGatewayCollectors::attached)
                .map(VpcAttachment::vpcId).findFirst().orElse(null);
    }

    private static boolean attached(VpcAttachment attachment) {
        return List.of("attached", "attaching").contains(attachment.stateAsString());
    }

    private static List<LiveResource> attachments(CollectorContext ctx) {
        List<LiveResource> attachments = new ArrayList<>();
        for (VpnGateway gateway : liveGateways(ctx)) {
            gateway.vpcAttachments().stream().filter(VpnGatewayCollectors::attached).forEach(attachment ->
                    attachments.add(ctx.resource(ATTACHMENT, attachmentId(attachment.vpcId(), gateway.vpnGatewayId()),
                            Attributes.of()
                                    .put("vpc_id", attachment.vpcId())
                                    .put("vpn_gateway_id", gateway.vpnGatewayId())
                                    .build())));
        }
        return attachments;
    }

    /**
     * The provider's id: {@code vpn-attachment-} and the hex CRC-32 (IEEE) of {@code "<vpc>-<gateway>"}
     * (its {@code create.StringHashcode}), so the same attachment made again has the same id.
     */
    static String attachmentId(String vpcId, String gatewayId) {
        CRC32 crc = new CRC32();
        crc.update((vpcId + "-" + gatewayId).getBytes(StandardCharsets.UTF_8));
        return "vpn-attachment-" + Long.toHexString(crc.getValue());
    }

    private static List<LiveResource> propagations(CollectorContext ctx) {
        List<LiveResource> propagations = new ArrayList<>();
        for (RouteTable table : ctx.ec2().describeRouteTablesPaginator(r -> r.maxResults(ROUTE_TABLE_PAGE)).routeTables()) {
            for (PropagatingVgw propagating : table.propagatingVgws()) {
                propagations.add(ctx.resource(ROUTE_PROPAGATION, table.routeTableId() + "_" + propagating.gatewayId(),
                        Attributes.of()
                                .put("route_table_id", table.routeTableId())
                                .put("vpn_gateway_id", propagating.gatewayId())
                                .build()));
            }
        }
        return propagations;
    }

    private static List<LiveResource> customerGateways(CollectorContext ctx) {
        return ctx.ec2().describeCustomerGateways(r -> { }).customerGateways().stream()
                .filter(gateway -> !GONE.contains(gateway.state()))
                .map(gateway -> ctx.resource(CUSTOMER_GATEWAY, gateway.customerGatewayId(), customerGateway(gateway)))
                .toList();
    }

    /** Absent strings are written empty by the provider; the two ASN fields are strings in its schema. */
    private static Map<String, Object> customerGateway(CustomerGateway gateway) {
        return Attributes.of()
                .put("type", gateway.type())
                .put("ip_address", gateway.ipAddress())
                .put("bgp_asn", gateway.bgpAsn())
                .put("bgp_asn_extended", gateway.bgpAsnExtended())
                .put("certificate_arn", gateway.certificateArn())
                .put("device_name", gateway.deviceName())
                .put("tags", Tags.ec2(gateway.tags()))
                .build();
    }
}
