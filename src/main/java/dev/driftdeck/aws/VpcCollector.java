package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;

/**
 * {@code aws_vpc}, id {@code vpc-...}. The default VPC is AWS's, not Terraform's: dropped unless strict.
 * {@code enable_dns_support}/{@code enable_dns_hostnames} are not compared: they cost one DescribeVpcAttribute
 * call per VPC and attribute.
 */
final class VpcCollector implements Collector {

    static final String TYPE = "aws_vpc";

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
                new AttributeRule("cidr_block", STRING),
                new AttributeRule("instance_tenancy", STRING),
                new AttributeRule("tags", TAGS)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeVpcs");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return ctx.ec2().describeVpcsPaginator().vpcs().stream()
                .filter(vpc -> ctx.strict() || !Boolean.TRUE.equals(vpc.isDefault()))
                .map(vpc -> ctx.resource(TYPE, vpc.vpcId(), Attributes.of()
                        .put("cidr_block", vpc.cidrBlock())
                        .put("instance_tenancy", vpc.instanceTenancyAsString())
                        .put("tags", Tags.ec2(vpc.tags()))
                        .build()))
                .toList();
    }
}
