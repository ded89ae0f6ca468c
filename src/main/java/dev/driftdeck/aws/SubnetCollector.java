package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;

/** {@code aws_subnet}, id {@code subnet-...}. The default VPC's subnets (DefaultForAz) are dropped unless strict. */
final class SubnetCollector implements Collector {

    static final String TYPE = "aws_subnet";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean global() {
        return false;
    }

    @Override
    public TypeSpec spec() {
        return new TypeSpec(TYPE, List.of(), List.of(
                new AttributeRule("vpc_id", STRING),
                new AttributeRule("cidr_block", STRING),
                new AttributeRule("availability_zone", STRING),
                new AttributeRule("map_public_ip_on_launch", SCALAR),
                new AttributeRule("tags", TAGS)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeSubnets");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return ctx.ec2().describeSubnetsPaginator().subnets().stream()
                .filter(subnet -> ctx.strict() || !Boolean.TRUE.equals(subnet.defaultForAz()))
                .map(subnet -> ctx.resource(TYPE, subnet.subnetId(), Attributes.of()
                        .put("vpc_id", subnet.vpcId())
                        .put("cidr_block", subnet.cidrBlock())
                        .put("availability_zone", subnet.availabilityZone())
                        .put("map_public_ip_on_launch", subnet.mapPublicIpOnLaunch())
                        .put("tags", Tags.ec2(subnet.tags()))
                        .build()))
                .toList();
    }
}
