package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;

/**
 * {@code aws_security_group}, id {@code sg-...}, with inline {@code ingress}/{@code egress} rules shaped as in
 * tfstate. Every VPC's "default" group is AWS's: dropped unless strict.
 */
final class SecurityGroupCollector implements Collector {

    static final String TYPE = "aws_security_group";

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
                new AttributeRule("name", STRING),
                new AttributeRule("description", STRING),
                new AttributeRule("vpc_id", STRING),
                new AttributeRule("ingress", SET),
                new AttributeRule("egress", SET),
                new AttributeRule("tags", TAGS)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("ec2:DescribeSecurityGroups");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return ctx.ec2().describeSecurityGroupsPaginator().securityGroups().stream()
                .filter(group -> ctx.strict() || !"default".equals(group.groupName()))
                .map(group -> ctx.resource(TYPE, group.groupId(), Attributes.of()
                        .put("name", group.groupName())
                        .put("description", group.description())
                        .put("vpc_id", group.vpcId())
                        .put("ingress", SecurityGroupRules.flatten(group, group.ipPermissions()))
                        .put("egress", SecurityGroupRules.flatten(group, group.ipPermissionsEgress()))
                        .put("tags", Tags.ec2(group.tags()))
                        .build()))
                .toList();
    }
}
