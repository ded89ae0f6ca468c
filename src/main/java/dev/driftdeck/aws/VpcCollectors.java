package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteOrigin;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * The VPC family, one paginated Describe call per type and region. AWS's own defaults (the default VPC, its subnets
 * and gateway, every VPC's main route table) are dropped unless strict or managed under that type: a default VPC
 * imported as {@code aws_vpc} is the state's, and must not read MISSING for being AWS's.
 */
final class VpcCollectors {

    static final String VPC = "aws_vpc";
    static final String SUBNET = "aws_subnet";
    static final String INTERNET_GATEWAY = "aws_internet_gateway";
    static final String NAT_GATEWAY = "aws_nat_gateway";
    static final String EIP = "aws_eip";
    static final String VPC_ENDPOINT = "aws_vpc_endpoint";
    static final String ROUTE_TABLE = "aws_route_table";
    static final String ROUTE = "aws_route";
    static final String ROUTE_TABLE_ASSOCIATION = "aws_route_table_association";

    private VpcCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // enable_dns_* are not compared: one DescribeVpcAttribute call per VPC and attribute.
                CollectorDefinition.regional(VPC).actions("ec2:DescribeVpcs")
                        .compare("cidr_block", STRING).compare("instance_tenancy", STRING).compareTags()
                        .listedBy(ctx -> ctx.ec2().describeVpcsPaginator().vpcs().stream()
                                .filter(vpc -> ctx.strict() || !Boolean.TRUE.equals(vpc.isDefault()) || ctx.manages(VPC, vpc.vpcId()))
                                .map(vpc -> ctx.resource(VPC, vpc.vpcId(), Attributes.of()
                                        .put("cidr_block", vpc.cidrBlock())
                                        .put("instance_tenancy", vpc.instanceTenancyAsString())
                                        .put("tags", Tags.ec2(vpc.tags()))
                                        .build()))
                                .toList()),
                CollectorDefinition.regional(SUBNET).actions("ec2:DescribeSubnets")
                        .compare("vpc_id", STRING).compare("cidr_block", STRING)
                        .compare("availability_zone", STRING).compare("map_public_ip_on_launch", SCALAR).compareTags()
                        .listedBy(ctx -> ctx.ec2().describeSubnetsPaginator().subnets().stream()
                                .filter(subnet -> ctx.strict() || !Boolean.TRUE.equals(subnet.defaultForAz())
                                        || ctx.manages(SUBNET, subnet.subnetId()))
                                .map(subnet -> ctx.resource(SUBNET, subnet.subnetId(), Attributes.of()
                                        .put("vpc_id", subnet.vpcId())
                                        .put("cidr_block", subnet.cidrBlock())
                                        .put("availability_zone", subnet.availabilityZone())
                                        .put("map_public_ip_on_launch", subnet.mapPublicIpOnLaunch())
                                        .put("tags", Tags.ec2(subnet.tags()))
                                        .build()))
                                .toList()),
                // The default VPC's gateway is AWS's (attached to a default VPC) unless a state manages it.
                CollectorDefinition.regional(INTERNET_GATEWAY).actions("ec2:DescribeInternetGateways", "ec2:DescribeVpcs")
                        .compare("vpc_id", STRING).compareTags()
                        .listedBy(VpcCollectors::internetGateways),
                CollectorDefinition.regional(NAT_GATEWAY).actions("ec2:DescribeNatGateways")
                        .compare("subnet_id", STRING).compare("allocation_id", STRING)
                        .compare("connectivity_type", CASE_INSENSITIVE).compareTags()
                        .listedBy(ctx -> ctx.ec2().describeNatGatewaysPaginator().natGateways().stream()
                                .filter(nat -> !List.of("deleted", "deleting", "failed").contains(nat.stateAsString()))
                                .map(nat -> ctx.resource(NAT_GATEWAY, nat.natGatewayId(), Attributes.of()
                                        .put("subnet_id", nat.subnetId())
                                        .put("allocation_id", nat.natGatewayAddresses().isEmpty()
                                                ? null : nat.natGatewayAddresses().getFirst().allocationId())
                                        .put("connectivity_type", nat.connectivityTypeAsString())
                                        .put("tags", Tags.ec2(nat.tags()))
                                        .build()))
                                .toList()),
                // DescribeAddresses has no pagination: one call returns every address of the region.
                CollectorDefinition.regional(EIP).actions("ec2:DescribeAddresses")
                        .compare("domain", CASE_INSENSITIVE).compareTags()
                        .listedBy(ctx -> ctx.ec2().describeAddresses().addresses().stream()
                                .filter(address -> address.allocationId() != null)
                                .map(address -> ctx.resource(EIP, address.allocationId(), Attributes.of()
                                        .put("domain", address.domainAsString())
                                        .put("tags", Tags.ec2(address.tags()))
                                        .build()))
                                .toList()),
                CollectorDefinition.regional(VPC_ENDPOINT).actions("ec2:DescribeVpcEndpoints")
                        .compare("vpc_id", STRING).compare("service_name", STRING)
                        .compare("vpc_endpoint_type", CASE_INSENSITIVE).compare("route_table_ids", SET)
                        .compare("subnet_ids", SET).compareTags()
                        .listedBy(ctx -> ctx.ec2().describeVpcEndpointsPaginator().vpcEndpoints().stream()
                                .filter(endpoint -> !List.of("deleted", "deleting").contains(
                                        String.valueOf(endpoint.stateAsString()).toLowerCase(java.util.Locale.ROOT)))
                                .map(endpoint -> ctx.resource(VPC_ENDPOINT, endpoint.vpcEndpointId(), Attributes.of()
                                        .put("vpc_id", endpoint.vpcId())
                                        .put("service_name", endpoint.serviceName())
                                        .put("vpc_endpoint_type", endpoint.vpcEndpointTypeAsString())
                                        .put("route_table_ids", endpoint.routeTableIds())
                                        .put("subnet_ids", endpoint.subnetIds())
                                        .put("tags", Tags.ec2(endpoint.tags()))
                                        .build()))
                                .toList()),
                CollectorDefinition.regional(ROUTE_TABLE).actions("ec2:DescribeRouteTables")
                        .compare("vpc_id", STRING).compare("route", SET).compareTags()
                        .listedBy(ctx -> routeTables(ctx).stream()
                                .map(table -> ctx.resource(ROUTE_TABLE, table.routeTableId(), Attributes.of()
                                        .put("vpc_id", table.vpcId())
                                        .put("route", table.routes().stream().filter(VpcCollectors::terraformRoute)
                                                .map(VpcCollectors::inlineRoute).toList())
                                        .put("tags", Tags.ec2(table.tags()))
                                        .build()))
                                .toList()),
                // A route is also writable inline in its table: see ParentLink.
                CollectorDefinition.regional(ROUTE).actions("ec2:DescribeRouteTables")
                        .compare("gateway_id", STRING).compare("nat_gateway_id", STRING)
                        .compare("vpc_endpoint_id", STRING).compare("transit_gateway_id", STRING)
                        .compare("vpc_peering_connection_id", STRING).compare("network_interface_id", STRING)
                        .partOf(ROUTE_TABLE, "route_table_id")
                        .listedBy(VpcCollectors::routes),
                CollectorDefinition.regional(ROUTE_TABLE_ASSOCIATION).actions("ec2:DescribeRouteTables")
                        .compare("route_table_id", STRING).compare("subnet_id", STRING).compare("gateway_id", STRING)
                        .listedBy(ctx -> ctx.ec2().describeRouteTablesPaginator().routeTables().stream()
                                .flatMap(table -> table.associations().stream())
                                .filter(association -> !Boolean.TRUE.equals(association.main()))
                                .map(association -> association(ctx, association))
                                .toList()));
    }

    private static List<LiveResource> internetGateways(CollectorContext ctx) {
        List<String> defaultVpcs = ctx.strict() ? List.of() : ctx.ec2()
                .describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().stream()
                .map(vpc -> vpc.vpcId()).toList();
        return ctx.ec2().describeInternetGatewaysPaginator().internetGateways().stream()
                .map(gateway -> {
                    String vpcId = gateway.attachments().isEmpty() ? null : gateway.attachments().getFirst().vpcId();
                    boolean awsDefault = vpcId != null && defaultVpcs.contains(vpcId)
                            && !ctx.manages(INTERNET_GATEWAY, gateway.internetGatewayId());
                    return awsDefault ? null
                            : ctx.resource(INTERNET_GATEWAY, gateway.internetGatewayId(), Attributes.of()
                                    .put("vpc_id", vpcId)
                                    .put("tags", Tags.ec2(gateway.tags()))
                                    .build());
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Route tables Terraform could own: a VPC's main table is created by AWS, kept only when strict or managed. */
    private static List<RouteTable> routeTables(CollectorContext ctx) {
        return ctx.ec2().describeRouteTablesPaginator().routeTables().stream()
                .filter(table -> ctx.strict() || ctx.manages(ROUTE_TABLE, table.routeTableId())
                        || table.associations().stream().noneMatch(a -> Boolean.TRUE.equals(a.main())))
                .toList();
    }

    /** The provider leaves out the local route and routes propagated from a virtual private gateway. */
    static boolean terraformRoute(Route route) {
        return !"local".equals(route.gatewayId()) && route.origin() != RouteOrigin.ENABLE_VGW_ROUTE_PROPAGATION
                && !(route.destinationPrefixListId() != null && String.valueOf(route.gatewayId()).startsWith("vpce-"));
    }

    static Map<String, Object> inlineRoute(Route route) {
        return Attributes.of()
                .put("cidr_block", route.destinationCidrBlock())
                .put("ipv6_cidr_block", route.destinationIpv6CidrBlock())
                .put("destination_prefix_list_id", route.destinationPrefixListId())
                .put("gateway_id", route.gatewayId())
                .put("nat_gateway_id", route.natGatewayId())
                .put("network_interface_id", route.networkInterfaceId())
                .put("transit_gateway_id", route.transitGatewayId())
                .put("vpc_peering_connection_id", route.vpcPeeringConnectionId())
                .put("egress_only_gateway_id", route.egressOnlyInternetGatewayId())
                .build();
    }

    private static List<LiveResource> routes(CollectorContext ctx) {
        List<LiveResource> routes = new ArrayList<>();
        for (RouteTable table : ctx.ec2().describeRouteTablesPaginator().routeTables()) {
            for (Route route : table.routes()) {
                if (!terraformRoute(route)) {
                    continue;
                }
                Map<String, Object> attributes = new java.util.LinkedHashMap<>(inlineRoute(route));
                attributes.put("route_table_id", table.routeTableId());
                attributes.put("vpc_endpoint_id", String.valueOf(route.gatewayId()).startsWith("vpce-")
                        ? route.gatewayId() : null);
                routes.add(ctx.resource(ROUTE, routeId(table.routeTableId(), destination(route)), attributes));
            }
        }
        return routes;
    }

    private static String destination(Route route) {
        if (route.destinationCidrBlock() != null) {
            return route.destinationCidrBlock();
        }
        return route.destinationIpv6CidrBlock() != null ? route.destinationIpv6CidrBlock() : route.destinationPrefixListId();
    }

    /** The provider's aws_route id: "r-" + table id + the CRC-32 of the destination (its StringHashcode). */
    static String routeId(String routeTableId, String destination) {
        CRC32 crc = new CRC32();
        crc.update(destination.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "r-" + routeTableId + crc.getValue();
    }

    private static LiveResource association(CollectorContext ctx, RouteTableAssociation association) {
        return ctx.resource(ROUTE_TABLE_ASSOCIATION, association.routeTableAssociationId(), Attributes.of()
                .put("route_table_id", association.routeTableId())
                .put("subnet_id", association.subnetId())
                .put("gateway_id", association.gatewayId())
                .build());
    }
}
