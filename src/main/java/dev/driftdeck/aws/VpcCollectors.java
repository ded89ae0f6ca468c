package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DnsOptions;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.PropagatingVgw;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteOrigin;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;
import dev.driftdeck.remediation.ImportIds;

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

    // The pool AWS names for the IPv6 blocks it provides itself (assign_generated_ipv6_cidr_block).
    private static final String AMAZON_IPV6_POOL = "Amazon";

    private VpcCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The DNS settings and usage metrics cost one DescribeVpcAttribute each, spent on managed VPCs only.
                CollectorDefinition.regional(VPC).actions("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute")
                        .compare("cidr_block", STRING).compare("instance_tenancy", STRING)
                        .compare("enable_dns_support", SCALAR).compare("enable_dns_hostnames", SCALAR)
                        .compare("enable_network_address_usage_metrics", SCALAR)
                        .compare("assign_generated_ipv6_cidr_block", SCALAR).compare("ipv6_cidr_block", STRING)
                        .compare("ipv6_cidr_block_network_border_group", STRING).compare("ipv6_ipam_pool_id", STRING)
                        .compareTags()
                        .notCompared(NotCompared.CREATE_ONLY, "ipv4_ipam_pool_id", "ipv4_netmask_length", "ipv6_netmask_length")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeVpcsPaginator().vpcs().stream()
                                .filter(vpc -> ctx.strict() || !Boolean.TRUE.equals(vpc.isDefault()) || ctx.manages(VPC, vpc.vpcId()))
                                .map(vpc -> ctx.resource(VPC, vpc.vpcId(), vpcAttributes(ctx, vpc, ctx.manages(VPC, vpc.vpcId()))))
                                .toList()),
                CollectorDefinition.regional(SUBNET).actions("ec2:DescribeSubnets")
                        .compare("vpc_id", STRING).compare("cidr_block", STRING)
                        .compare("availability_zone", STRING).compare("availability_zone_id", STRING)
                        .compare("map_public_ip_on_launch", SCALAR).compare("assign_ipv6_address_on_creation", SCALAR)
                        .compare("ipv6_cidr_block", STRING).compare("ipv6_native", SCALAR).compare("enable_dns64", SCALAR)
                        .compare("enable_lni_at_device_index", SCALAR)
                        .compare("private_dns_hostname_type_on_launch", STRING)
                        .compare("enable_resource_name_dns_a_record_on_launch", SCALAR)
                        .compare("enable_resource_name_dns_aaaa_record_on_launch", SCALAR)
                        .compare("customer_owned_ipv4_pool", STRING).compare("map_customer_owned_ip_on_launch", SCALAR)
                        .compare("outpost_arn", STRING).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeSubnetsPaginator().subnets().stream()
                                .filter(subnet -> ctx.strict() || !Boolean.TRUE.equals(subnet.defaultForAz())
                                        || ctx.manages(SUBNET, subnet.subnetId()))
                                .map(subnet -> ctx.resource(SUBNET, subnet.subnetId(), subnetAttributes(subnet)))
                                .toList()),
                // The default VPC's gateway is AWS's (attached to a default VPC) unless a state manages it.
                CollectorDefinition.regional(INTERNET_GATEWAY).actions("ec2:DescribeInternetGateways", "ec2:DescribeVpcs")
                        .compare("vpc_id", STRING).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(VpcCollectors::internetGateways),
                CollectorDefinition.regional(NAT_GATEWAY).actions("ec2:DescribeNatGateways")
                        .compare("subnet_id", STRING).compare("allocation_id", STRING)
                        .compare("connectivity_type", CASE_INSENSITIVE).compare("private_ip", STRING)
                        .compare("secondary_allocation_ids", SET).compare("secondary_private_ip_addresses", SET)
                        .compare("secondary_private_ip_address_count", SCALAR).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeNatGatewaysPaginator().natGateways().stream()
                                .filter(nat -> !List.of("deleted", "deleting", "failed").contains(nat.stateAsString()))
                                .map(nat -> ctx.resource(NAT_GATEWAY, nat.natGatewayId(), natGateway(nat)))
                                .toList()),
                // DescribeAddresses has no pagination: one call returns every address of the region.
                CollectorDefinition.regional(EIP).actions("ec2:DescribeAddresses")
                        .compare("domain", CASE_INSENSITIVE).compare("vpc", SCALAR)
                        .compare("instance", STRING).compare("network_interface", STRING)
                        .compare("public_ipv4_pool", STRING).compare("customer_owned_ipv4_pool", STRING)
                        .compare("network_border_group", STRING).compareTags()
                        .notCompared(NotCompared.CREATE_ONLY, "address", "ipam_pool_id")
                        .notCompared("the provider never reads it back (the association's private_ip is computed)",
                                "associate_with_private_ip")
                        .importId(ImportIds.SAME_AS_ID).listedBy(VpcCollectors::addresses),
                // subnet_configuration names the IPs of the endpoint's network interfaces: the provider reads them
                // with DescribeNetworkInterfaces.
                CollectorDefinition.regional(VPC_ENDPOINT).actions("ec2:DescribeVpcEndpoints")
                        .compare("vpc_id", STRING).compare("service_name", STRING)
                        .compare("vpc_endpoint_type", CASE_INSENSITIVE).compare("route_table_ids", SET)
                        .compare("subnet_ids", SET).compare("security_group_ids", SET)
                        .compare("policy", JSON_DOCUMENT).compare("private_dns_enabled", SCALAR)
                        .compare("ip_address_type", STRING).compare("dns_options", SET)
                        .compare("service_region", STRING).compare("resource_configuration_arn", STRING)
                        .compare("service_network_arn", STRING).compareTags()
                        .notCompared(NotCompared.CREATE_ONLY, "auto_accept")
                        .notCompared(NotCompared.costsACall("DescribeNetworkInterfaces"), "subnet_configuration")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeVpcEndpointsPaginator().vpcEndpoints().stream()
                                .filter(endpoint -> !List.of("deleted", "deleting").contains(
                                        String.valueOf(endpoint.stateAsString()).toLowerCase(java.util.Locale.ROOT)))
                                .map(endpoint -> ctx.resource(VPC_ENDPOINT, endpoint.vpcEndpointId(), endpoint(endpoint)))
                                .toList()),
                CollectorDefinition.regional(ROUTE_TABLE).actions("ec2:DescribeRouteTables")
                        .compare("vpc_id", STRING).compare("route", SET).compare("propagating_vgws", SET).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> routeTables(ctx).stream()
                                .map(table -> ctx.resource(ROUTE_TABLE, table.routeTableId(), Attributes.of()
                                        .put("vpc_id", table.vpcId())
                                        .put("route", tableRoutes(ctx, table))
                                        .put("propagating_vgws", SeparatelyManaged.orStateValue(ctx, ROUTE_TABLE,
                                                table.routeTableId(), "propagating_vgws",
                                                propagatedSeparately(ctx, table.routeTableId()),
                                                table.propagatingVgws().stream().map(PropagatingVgw::gatewayId).toList()))
                                        .put("tags", Tags.ec2(table.tags()))
                                        .build()))
                                .toList()),
                // A route is also writable inline in its table: see ParentLink.
                CollectorDefinition.regional(ROUTE).actions("ec2:DescribeRouteTables")
                        .compare("gateway_id", STRING).compare("nat_gateway_id", STRING)
                        .compare("vpc_endpoint_id", STRING).compare("transit_gateway_id", STRING)
                        .compare("vpc_peering_connection_id", STRING).compare("network_interface_id", STRING)
                        .compare("egress_only_gateway_id", STRING).compare("carrier_gateway_id", STRING)
                        .compare("local_gateway_id", STRING).compare("core_network_arn", STRING)
                        .notCompared(NotCompared.IDENTITY, "route_table_id", "destination_cidr_block",
                                "destination_ipv6_cidr_block", "destination_prefix_list_id")
                        .partOf(ROUTE_TABLE, "route_table_id").shownOnParentAs("route")
                        .importId(ImportIds.computed("ROUTETABLEID_DESTINATION (CIDR, IPv6 CIDR or prefix list id)", ImportIdsOf::route)).listedBy(VpcCollectors::routes),
                CollectorDefinition.regional(ROUTE_TABLE_ASSOCIATION).actions("ec2:DescribeRouteTables")
                        .compare("route_table_id", STRING).compare("subnet_id", STRING).compare("gateway_id", STRING)
                        .importId(ImportIds.computed("SUBNETID/ROUTETABLEID or GATEWAYID/ROUTETABLEID", ImportIdsOf::routeTableAssociation)).listedBy(ctx -> ctx.ec2().describeRouteTablesPaginator().routeTables().stream()
                                .flatMap(table -> table.associations().stream())
                                .filter(association -> !Boolean.TRUE.equals(association.main()))
                                .map(association -> association(ctx, association))
                                .toList()));
    }

    /**
     * The VPC as the provider reads it: the first associated IPv6 block (an Amazon-provided one is
     * {@code assign_generated_ipv6_cidr_block}, any other names its pool); with {@code attributes}, the three
     * DescribeVpcAttribute settings.
     */
    static Map<String, Object> vpcAttributes(CollectorContext ctx, Vpc vpc, boolean attributes) {
        VpcIpv6CidrBlockAssociation ipv6 = vpc.ipv6CidrBlockAssociationSet().stream()
                .filter(a -> a.ipv6CidrBlockState() != null
                        && a.ipv6CidrBlockState().state() == VpcCidrBlockStateCode.ASSOCIATED)
                .findFirst().orElse(null);
        String pool = ipv6 == null ? null : ipv6.ipv6Pool();
        Attributes values = Attributes.of()
                .put("cidr_block", vpc.cidrBlock())
                .put("instance_tenancy", vpc.instanceTenancyAsString())
                .put("assign_generated_ipv6_cidr_block", AMAZON_IPV6_POOL.equals(pool))
                .put("ipv6_cidr_block", ipv6 == null ? null : ipv6.ipv6CidrBlock())
                .put("ipv6_cidr_block_network_border_group", ipv6 == null ? null : ipv6.networkBorderGroup())
                .put("ipv6_ipam_pool_id", AMAZON_IPV6_POOL.equals(pool) ? null : pool)
                .put("tags", Tags.ec2(vpc.tags()));
        if (attributes) {
            values.put("enable_dns_support", vpcAttribute(ctx, vpc, VpcAttributeName.ENABLE_DNS_SUPPORT)
                            .enableDnsSupport().value())
                    .put("enable_dns_hostnames", vpcAttribute(ctx, vpc, VpcAttributeName.ENABLE_DNS_HOSTNAMES)
                            .enableDnsHostnames().value())
                    .put("enable_network_address_usage_metrics",
                            vpcAttribute(ctx, vpc, VpcAttributeName.ENABLE_NETWORK_ADDRESS_USAGE_METRICS)
                                    .enableNetworkAddressUsageMetrics().value());
        }
        return values.build();
    }

    private static DescribeVpcAttributeResponse vpcAttribute(CollectorContext ctx, Vpc vpc, VpcAttributeName name) {
        return ctx.ec2().describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute(name));
    }

    /** The subnet as the provider stores it: flags AWS leaves out when off are false, the lane index 0. */
    static Map<String, Object> subnetAttributes(Subnet subnet) {
        var dns = subnet.privateDnsNameOptionsOnLaunch();
        String ipv6 = subnet.ipv6CidrBlockAssociationSet().stream()
                .filter(a -> a.ipv6CidrBlockState() != null
                        && a.ipv6CidrBlockState().state() == SubnetCidrBlockStateCode.ASSOCIATED)
                .map(a -> a.ipv6CidrBlock()).findFirst().orElse(null);
        return Attributes.of()
                .put("vpc_id", subnet.vpcId())
                .put("cidr_block", subnet.cidrBlock())
                .put("availability_zone", subnet.availabilityZone())
                .put("availability_zone_id", subnet.availabilityZoneId())
                .put("map_public_ip_on_launch", Boolean.TRUE.equals(subnet.mapPublicIpOnLaunch()))
                .put("assign_ipv6_address_on_creation", Boolean.TRUE.equals(subnet.assignIpv6AddressOnCreation()))
                .put("ipv6_cidr_block", ipv6)
                .put("ipv6_native", Boolean.TRUE.equals(subnet.ipv6Native()))
                .put("enable_dns64", Boolean.TRUE.equals(subnet.enableDns64()))
                .put("enable_lni_at_device_index", subnet.enableLniAtDeviceIndex() == null ? 0 : subnet.enableLniAtDeviceIndex())
                .put("private_dns_hostname_type_on_launch", dns == null ? null : dns.hostnameTypeAsString())
                .put("enable_resource_name_dns_a_record_on_launch",
                        dns != null && Boolean.TRUE.equals(dns.enableResourceNameDnsARecord()))
                .put("enable_resource_name_dns_aaaa_record_on_launch",
                        dns != null && Boolean.TRUE.equals(dns.enableResourceNameDnsAAAARecord()))
                .put("customer_owned_ipv4_pool", subnet.customerOwnedIpv4Pool())
                .put("map_customer_owned_ip_on_launch", Boolean.TRUE.equals(subnet.mapCustomerOwnedIpOnLaunch()))
                .put("outpost_arn", subnet.outpostArn())
                .put("tags", Tags.ec2(subnet.tags()))
                .build();
    }

    /** The primary address is the gateway's own (allocation_id, private_ip), the others its secondary ones. */
    static Map<String, Object> natGateway(NatGateway nat) {
        List<NatGatewayAddress> addresses = nat.natGatewayAddresses();
        NatGatewayAddress primary = addresses.stream()
                .filter(a -> Boolean.TRUE.equals(a.isPrimary()) || addresses.size() == 1).findFirst().orElse(null);
        List<NatGatewayAddress> secondary = addresses.stream().filter(a -> a != primary).toList();
        List<String> secondaryIps = secondary.stream().map(NatGatewayAddress::privateIp)
                .filter(ip -> ip != null && !ip.isEmpty()).toList();
        return Attributes.of()
                .put("subnet_id", nat.subnetId())
                .put("allocation_id", primary == null ? null : primary.allocationId())
                .put("private_ip", primary == null ? null : primary.privateIp())
                .put("connectivity_type", nat.connectivityTypeAsString())
                .put("secondary_allocation_ids", secondary.stream().map(NatGatewayAddress::allocationId)
                        .filter(id -> id != null && !id.isEmpty()).toList())
                .put("secondary_private_ip_addresses", secondaryIps)
                .put("secondary_private_ip_address_count", secondaryIps.size())
                .put("tags", Tags.ec2(nat.tags()))
                .build();
    }

    /**
     * An address's association is compared where the state holds one: an association made by another resource (a
     * NAT gateway, aws_eip_association) reaches the EIP's state only at its next refresh, and right after the
     * apply that made it would read as drift.
     */
    private static List<LiveResource> addresses(CollectorContext ctx) {
        Map<String, Map<String, Object>> managed = ctx.managed().resources(EIP);
        return ctx.ec2().describeAddresses().addresses().stream()
                .filter(address -> address.allocationId() != null)
                .map(address -> {
                    Map<String, Object> state = managed.getOrDefault(address.allocationId(), Map.of());
                    boolean associated = !blank(state.get("instance")) || !blank(state.get("network_interface"));
                    return ctx.resource(EIP, address.allocationId(), Attributes.of()
                            .put("domain", address.domainAsString())
                            .put("vpc", address.domain() == DomainType.VPC)
                            .put("instance", associated ? address.instanceId() : state.get("instance"))
                            .put("network_interface", associated ? address.networkInterfaceId() : state.get("network_interface"))
                            .put("public_ipv4_pool", address.publicIpv4Pool())
                            .put("customer_owned_ipv4_pool", address.customerOwnedIpv4Pool())
                            .put("network_border_group", address.networkBorderGroup())
                            .put("tags", Tags.ec2(address.tags()))
                            .build());
                })
                .toList();
    }

    private static boolean blank(Object value) {
        return value == null || String.valueOf(value).isEmpty();
    }

    private static Map<String, Object> endpoint(VpcEndpoint endpoint) {
        DnsOptions dns = endpoint.dnsOptions();
        return Attributes.of()
                .put("vpc_id", endpoint.vpcId())
                .put("service_name", endpoint.serviceName())
                .put("vpc_endpoint_type", endpoint.vpcEndpointTypeAsString())
                .put("route_table_ids", endpoint.routeTableIds())
                .put("subnet_ids", endpoint.subnetIds())
                .put("security_group_ids", endpoint.groups().stream().map(SecurityGroupIdentifier::groupId).toList())
                .put("policy", endpoint.policyDocument())
                .put("private_dns_enabled", Boolean.TRUE.equals(endpoint.privateDnsEnabled()))
                .put("ip_address_type", endpoint.ipAddressTypeAsString())
                .put("dns_options", dns == null ? List.of() : List.of(Attributes.of()
                        .put("dns_record_ip_type", dns.dnsRecordIpTypeAsString())
                        .put("private_dns_only_for_inbound_resolver_endpoint",
                                Boolean.TRUE.equals(dns.privateDnsOnlyForInboundResolverEndpoint()))
                        .build()))
                .put("service_region", endpoint.serviceRegion())
                .put("resource_configuration_arn", endpoint.resourceConfigurationArn())
                .put("service_network_arn", endpoint.serviceNetworkArn())
                .put("tags", Tags.ec2(endpoint.tags()))
                .build();
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

    /** A state manages a propagation into the table as aws_vpn_gateway_route_propagation (see SeparatelyManaged). */
    private static boolean propagatedSeparately(CollectorContext ctx, String routeTableId) {
        return ctx.managed().resources(VpnGatewayCollectors.ROUTE_PROPAGATION).values().stream()
                .anyMatch(propagation -> routeTableId.equals(propagation.get("route_table_id")));
    }

    /** Route tables Terraform could own: a VPC's main table is created by AWS, kept only when strict or managed. */
    private static List<RouteTable> routeTables(CollectorContext ctx) {
        return ctx.ec2().describeRouteTablesPaginator().routeTables().stream()
                .filter(table -> ctx.strict() || ctx.manages(ROUTE_TABLE, table.routeTableId())
                        || table.associations().stream().noneMatch(a -> Boolean.TRUE.equals(a.main())))
                .toList();
    }

    /**
     * The table's {@code route} attribute as the provider writes it. A route a state manages as its own
     * {@code aws_route} is that resource's to compare: the table's copy in state is the one its last refresh saw
     * (none right after the first apply, which wrote the table before the route was added), so the table's own state
     * element stands in for it while the route exists. A deleted route is gone from the table as well.
     */
    private static List<Map<String, Object>> tableRoutes(CollectorContext ctx, RouteTable table) {
        Map<String, Object> state = ctx.managed().resources(ROUTE_TABLE).get(table.routeTableId());
        List<?> stateRoutes = state != null && state.get("route") instanceof List<?> list ? list : List.of();
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Route route : table.routes()) {
            if (!terraformRoute(route)) {
                continue;
            }
            if (state == null || !ctx.manages(ROUTE, routeId(table.routeTableId(), destination(route)))) {
                routes.add(inlineRoute(route));
                continue;
            }
            for (Object element : stateRoutes) {
                if (element instanceof Map<?, ?> stateRoute && destination(route).equals(stateDestination(stateRoute))) {
                    Map<String, Object> copy = new java.util.LinkedHashMap<>();
                    stateRoute.forEach((key, value) -> copy.put(String.valueOf(key), value));
                    routes.add(copy);
                }
            }
        }
        return routes;
    }

    private static String stateDestination(Map<?, ?> stateRoute) {
        for (String key : List.of("cidr_block", "ipv6_cidr_block", "destination_prefix_list_id")) {
            if (stateRoute.get(key) instanceof String value && !value.isEmpty()) {
                return value;
            }
        }
        return null;
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
                .put("carrier_gateway_id", route.carrierGatewayId())
                .put("local_gateway_id", route.localGatewayId())
                .put("core_network_arn", route.coreNetworkArn())
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
