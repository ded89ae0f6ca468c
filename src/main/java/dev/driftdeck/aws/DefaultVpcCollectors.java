package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.PropagatingVgw;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import dev.driftdeck.remediation.ImportIds;

/**
 * The {@code aws_default_*} types that adopt what AWS creates itself: the default VPC and its subnets, and every
 * VPC's default security group and main route table (the default network ACL is in {@link NetworkAclCollectors}).
 * Each adopts its ordinary type (see {@code TypeSpec.adopts}). AWS's object is listed only when a state manages it
 * this way, or under strict (then by identity only, once, as the adopting type): otherwise it is AWS's noise.
 */
final class DefaultVpcCollectors {

    static final String DEFAULT_VPC = "aws_default_vpc";
    static final String DEFAULT_SUBNET = "aws_default_subnet";
    static final String DEFAULT_SECURITY_GROUP = "aws_default_security_group";
    static final String DEFAULT_ROUTE_TABLE = "aws_default_route_table";

    private DefaultVpcCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The DNS settings cost one DescribeVpcAttribute each, spent on managed default VPCs only (one per
                // region at most). cidr_block and instance_tenancy are AWS's and cannot change.
                CollectorDefinition.regional(DEFAULT_VPC).actions("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute")
                        .compare("enable_dns_support", SCALAR).compare("enable_dns_hostnames", SCALAR)
                        .compare("enable_network_address_usage_metrics", SCALAR)
                        .compare("assign_generated_ipv6_cidr_block", SCALAR).compare("ipv6_cidr_block", STRING)
                        .compare("ipv6_cidr_block_network_border_group", STRING).compare("ipv6_ipam_pool_id", STRING)
                        .compareTags()
                        .notCompared(NotCompared.CREATE_ONLY, "ipv6_netmask_length")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_destroy")
                        .adopts(VpcCollectors.VPC)
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeVpcsPaginator(r -> r.filters(f -> f.name("is-default").values("true")))
                                .vpcs().stream()
                                .map(vpc -> adopted(ctx, DEFAULT_VPC, vpc.vpcId(), () -> VpcCollectors.vpcAttributes(ctx, vpc, true)))
                                .filter(Objects::nonNull)
                                .toList()),
                // availability_zone is the adopted subnet's identity; cidr_block is AWS's.
                CollectorDefinition.regional(DEFAULT_SUBNET).actions("ec2:DescribeSubnets")
                        .compare("availability_zone", STRING).compare("map_public_ip_on_launch", SCALAR)
                        .compare("assign_ipv6_address_on_creation", SCALAR).compare("enable_dns64", SCALAR)
                        .compare("private_dns_hostname_type_on_launch", STRING)
                        .compare("enable_resource_name_dns_a_record_on_launch", SCALAR)
                        .compare("enable_resource_name_dns_aaaa_record_on_launch", SCALAR)
                        .compare("ipv6_cidr_block", STRING).compare("ipv6_native", SCALAR)
                        .compare("customer_owned_ipv4_pool", STRING).compare("map_customer_owned_ip_on_launch", SCALAR)
                        .compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_destroy")
                        .adopts(VpcCollectors.SUBNET)
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeSubnetsPaginator(r -> r.filters(f -> f.name("default-for-az").values("true")))
                                .subnets().stream()
                                .map(subnet -> adopted(ctx, DEFAULT_SUBNET, subnet.subnetId(), () -> VpcCollectors.subnetAttributes(subnet)))
                                .filter(Objects::nonNull)
                                .toList()),
                // name and description are AWS's ("default", "default VPC security group") and cannot change.
                CollectorDefinition.regional(DEFAULT_SECURITY_GROUP).actions("ec2:DescribeSecurityGroups")
                        .compare("vpc_id", STRING).compare("ingress", SET).compare("egress", SET).compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "revoke_rules_on_delete")
                        .adopts(SecurityGroupCollectors.GROUP)
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeSecurityGroupsPaginator(r -> r.filters(f -> f.name("group-name").values("default")))
                                .securityGroups().stream()
                                .map(group -> adopted(ctx, DEFAULT_SECURITY_GROUP, group.groupId(), () -> defaultGroup(group)))
                                .filter(Objects::nonNull)
                                .toList()),
                CollectorDefinition.regional(DEFAULT_ROUTE_TABLE).actions("ec2:DescribeRouteTables")
                        .compare("vpc_id", STRING).compare("route", SET).compare("propagating_vgws", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "default_route_table_id")
                        .adopts(VpcCollectors.ROUTE_TABLE)
                        .importId(ImportIds.computed("the VPC id", live -> ImportIds.attribute(live, "vpc_id"))).listedBy(ctx -> ctx.ec2().describeRouteTablesPaginator(r -> r.filters(f -> f.name("association.main").values("true")))
                                .routeTables().stream()
                                .map(table -> adopted(ctx, DEFAULT_ROUTE_TABLE, table.routeTableId(), () -> mainTable(table)))
                                .filter(Objects::nonNull)
                                .toList()));
    }

    /** Managed: with its attributes. Strict: by identity only (nothing of it is compared). Else AWS's: dropped. */
    private static LiveResource adopted(CollectorContext ctx, String type, String id,
                                        Supplier<Map<String, Object>> attributes) {
        if (ctx.manages(type, id)) {
            return ctx.resource(type, id, attributes.get());
        }
        return ctx.strict() ? ctx.identityOnly(type, id) : null;
    }

    private static Map<String, Object> defaultGroup(SecurityGroup group) {
        return Attributes.of()
                .put("name", group.groupName())
                .put("description", group.description())
                .put("vpc_id", group.vpcId())
                .put("ingress", SecurityGroupRules.flatten(group, group.ipPermissions()))
                .put("egress", SecurityGroupRules.flatten(group, group.ipPermissionsEgress()))
                .put("tags", Tags.ec2(group.tags()))
                .build();
    }

    private static Map<String, Object> mainTable(RouteTable table) {
        return Attributes.of()
                .put("vpc_id", table.vpcId())
                .put("route", table.routes().stream().filter(VpcCollectors::terraformRoute)
                        .map(VpcCollectors::inlineRoute).toList())
                .put("propagating_vgws", table.propagatingVgws().stream().map(PropagatingVgw::gatewayId).toList())
                .put("tags", Tags.ec2(table.tags()))
                .build();
    }
}
