package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.DhcpConfiguration;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import dev.driftdeck.remediation.ImportIds;

/**
 * What a VPC carries beside its subnets and routes: DHCP option sets and their association, secondary IPv4 CIDR
 * blocks, egress-only internet gateways. AWS's default DHCP option set (one per region) and its associations are
 * dropped unless strict or managed.
 */
final class VpcOptionCollectors {

    static final String DHCP_OPTIONS = "aws_vpc_dhcp_options";
    static final String DHCP_OPTIONS_ASSOCIATION = "aws_vpc_dhcp_options_association";
    static final String CIDR_BLOCK_ASSOCIATION = "aws_vpc_ipv4_cidr_block_association";
    static final String EGRESS_ONLY_GATEWAY = "aws_egress_only_internet_gateway";

    // A VPC with no DHCP option set at all says "default"; the provider writes the same word.
    private static final String NO_OPTIONS = "default";

    private VpcOptionCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // An option set cannot be edited, only replaced (then the association shows the change) or retagged.
                // Server lists keep their order: DHCP clients try them in it.
                CollectorDefinition.regional(DHCP_OPTIONS).actions("ec2:DescribeDhcpOptions")
                        .compare("domain_name", STRING).compare("domain_name_servers", STRING)
                        .compare("ntp_servers", STRING).compare("netbios_name_servers", STRING)
                        .compare("netbios_node_type", STRING).compare("ipv6_address_preferred_lease_time", STRING)
                        .compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> optionSets(ctx).stream()
                                .filter(set -> ctx.strict() || ctx.manages(DHCP_OPTIONS, set.dhcpOptionsId())
                                        || !awsDefault(ctx, set))
                                .map(set -> ctx.resource(DHCP_OPTIONS, set.dhcpOptionsId(), dhcpOptions(set)))
                                .toList()),
                // The id is "<options>-<vpc>": another option set on the VPC is another association.
                CollectorDefinition.regional(DHCP_OPTIONS_ASSOCIATION).actions("ec2:DescribeVpcs", "ec2:DescribeDhcpOptions")
                        .compare("vpc_id", STRING).compare("dhcp_options_id", STRING)
                        .importId(ImportIds.computed("the VPC id", live -> ImportIds.attribute(live, "vpc_id"))).listedBy(VpcOptionCollectors::dhcpAssociations),
                // The VPC's primary block is aws_vpc's cidr_block, not an association.
                CollectorDefinition.regional(CIDR_BLOCK_ASSOCIATION).actions("ec2:DescribeVpcs")
                        .compare("vpc_id", STRING).compare("cidr_block", STRING)
                        .notCompared(NotCompared.CREATE_ONLY, "ipv4_ipam_pool_id", "ipv4_netmask_length")
                        .importId(ImportIds.SAME_AS_ID).listedBy(VpcOptionCollectors::cidrAssociations),
                CollectorDefinition.regional(EGRESS_ONLY_GATEWAY).actions("ec2:DescribeEgressOnlyInternetGateways")
                        .compare("vpc_id", STRING).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeEgressOnlyInternetGatewaysPaginator()
                                .egressOnlyInternetGateways().stream()
                                .map(gateway -> ctx.resource(EGRESS_ONLY_GATEWAY, gateway.egressOnlyInternetGatewayId(),
                                        Attributes.of()
                                                .put("vpc_id", gateway.attachments().isEmpty()
                                                        ? null : gateway.attachments().getFirst().vpcId())
                                                .put("tags", Tags.ec2(gateway.tags()))
                                                .build()))
                                .toList()));
    }

    private static List<DhcpOptions> optionSets(CollectorContext ctx) {
        return ctx.ec2().describeDhcpOptionsPaginator().dhcpOptions().stream().toList();
    }

    /**
     * The set AWS creates in each region: untagged, the region's domain name and AmazonProvidedDNS, nothing else.
     * A team that wants it in Terraform uses aws_default_vpc_dhcp_options; otherwise it is noise.
     */
    private static boolean awsDefault(CollectorContext ctx, DhcpOptions set) {
        String domain = "us-east-1".equals(ctx.region()) ? "ec2.internal" : ctx.region() + ".compute.internal";
        return set.tags().isEmpty() && dhcpOptions(set).equals(dhcpOptions(DhcpOptions.builder()
                .dhcpConfigurations(configuration("domain-name", domain),
                        configuration("domain-name-servers", "AmazonProvidedDNS"))
                .build()));
    }

    private static DhcpConfiguration configuration(String key, String value) {
        return DhcpConfiguration.builder().key(key).values(v -> v.value(value)).build();
    }

    /** Lists are always written (empty when AWS has none), as the provider stores them. */
    private static Map<String, Object> dhcpOptions(DhcpOptions set) {
        return Attributes.of()
                .put("domain_name", single(set, "domain-name"))
                .put("domain_name_servers", values(set, "domain-name-servers"))
                .put("ntp_servers", values(set, "ntp-servers"))
                .put("netbios_name_servers", values(set, "netbios-name-servers"))
                .put("netbios_node_type", single(set, "netbios-node-type"))
                .put("ipv6_address_preferred_lease_time", single(set, "ipv6-address-preferred-lease-time"))
                .put("tags", Tags.ec2(set.tags()))
                .build();
    }

    private static List<String> values(DhcpOptions set, String key) {
        return set.dhcpConfigurations().stream().filter(c -> key.equals(c.key()))
                .flatMap(c -> c.values().stream().map(v -> v.value())).toList();
    }

    private static String single(DhcpOptions set, String key) {
        List<String> values = values(set, key);
        return values.isEmpty() ? null : values.getFirst();
    }

    private static List<LiveResource> dhcpAssociations(CollectorContext ctx) {
        Set<String> awsDefaults = ctx.strict() ? Set.of() : optionSets(ctx).stream()
                .filter(set -> awsDefault(ctx, set)).map(DhcpOptions::dhcpOptionsId).collect(Collectors.toSet());
        List<LiveResource> associations = new ArrayList<>();
        for (Vpc vpc : ctx.ec2().describeVpcsPaginator().vpcs()) {
            String options = vpc.dhcpOptionsId();
            String id = options + "-" + vpc.vpcId();
            boolean noise = options == null || NO_OPTIONS.equals(options) || awsDefaults.contains(options);
            if (!noise || ctx.manages(DHCP_OPTIONS_ASSOCIATION, id)) {
                associations.add(ctx.resource(DHCP_OPTIONS_ASSOCIATION, id, Attributes.of()
                        .put("vpc_id", vpc.vpcId())
                        .put("dhcp_options_id", options)
                        .build()));
            }
        }
        return associations;
    }

    private static List<LiveResource> cidrAssociations(CollectorContext ctx) {
        List<LiveResource> associations = new ArrayList<>();
        for (Vpc vpc : ctx.ec2().describeVpcsPaginator().vpcs()) {
            for (VpcCidrBlockAssociation association : vpc.cidrBlockAssociationSet()) {
                String state = association.cidrBlockState() == null ? null : association.cidrBlockState().stateAsString();
                if (association.cidrBlock().equals(vpc.cidrBlock())
                        || !List.of("associated", "associating").contains(String.valueOf(state))) {
                    continue;
                }
                associations.add(ctx.resource(CIDR_BLOCK_ASSOCIATION, association.associationId(), Attributes.of()
                        .put("vpc_id", vpc.vpcId())
                        .put("cidr_block", association.cidrBlock())
                        .build()));
            }
        }
        return associations;
    }
}
