package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import dev.driftdeck.remediation.ImportIds;

/**
 * Security groups and the three ways Terraform writes their rules: inline {@code ingress}/{@code egress} blocks,
 * {@code aws_security_group_rule}, and the provider-v5 {@code aws_vpc_security_group_ingress_rule}/
 * {@code _egress_rule}. The rule types are {@code partOf} their group: a rule of a managed group is the group's
 * business (its inline sets show any drift), so mixed styles never produce false UNMANAGED findings.
 */
final class SecurityGroupCollectors {

    static final String GROUP = "aws_security_group";
    static final String RULE = "aws_security_group_rule";
    static final String INGRESS = "aws_vpc_security_group_ingress_rule";
    static final String EGRESS = "aws_vpc_security_group_egress_rule";

    private SecurityGroupCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // Every VPC's "default" group is AWS's: dropped unless strict or managed as this type (imported).
                CollectorDefinition.regional(GROUP).actions("ec2:DescribeSecurityGroups")
                        .compare("name", STRING).compare("description", STRING).compare("vpc_id", STRING)
                        .compare("ingress", SET).compare("egress", SET).compareTags()
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "revoke_rules_on_delete")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.ec2().describeSecurityGroupsPaginator().securityGroups().stream()
                                .filter(group -> ctx.strict() || !"default".equals(group.groupName())
                                        || ctx.manages(GROUP, group.groupId()))
                                .map(group -> ctx.resource(GROUP, group.groupId(), Attributes.of()
                                        .put("name", group.groupName())
                                        .put("description", group.description())
                                        .put("vpc_id", group.vpcId())
                                        .put("ingress", liveOrStaleCopy(ctx, group, "ingress",
                                                SecurityGroupRules.flatten(group, group.ipPermissions())))
                                        .put("egress", liveOrStaleCopy(ctx, group, "egress",
                                                SecurityGroupRules.flatten(group, group.ipPermissionsEgress())))
                                        .put("tags", Tags.ec2(group.tags()))
                                        .build()))
                                .toList()),
                CollectorDefinition.regional(RULE).actions("ec2:DescribeSecurityGroups")
                        .compare("description", STRING).partOf(GROUP, "security_group_id")
                        // The rule's id is a hash of these: another value is another rule (this one then MISSING).
                        .notCompared(NotCompared.IDENTITY, "type", "security_group_id", "protocol", "from_port",
                                "to_port", "cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "self",
                                "source_security_group_id")
                        .importId(ImportIds.computed("SGID_TYPE_PROTOCOL_FROMPORT_TOPORT_SOURCE[_SOURCE]...", ImportIdsOf::securityGroupRule)).listedBy(SecurityGroupCollectors::legacyRules),
                CollectorDefinition.regional(INGRESS).actions("ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups")
                        .compare("security_group_id", STRING).compare("ip_protocol", STRING)
                        .compare("from_port", SCALAR).compare("to_port", SCALAR)
                        .compare("cidr_ipv4", STRING).compare("cidr_ipv6", STRING).compare("prefix_list_id", STRING)
                        .compare("referenced_security_group_id", STRING).compare("description", STRING).compareTags()
                        .partOf(GROUP, "security_group_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> vpcRules(ctx, INGRESS, false)),
                CollectorDefinition.regional(EGRESS).actions("ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups")
                        .compare("security_group_id", STRING).compare("ip_protocol", STRING)
                        .compare("from_port", SCALAR).compare("to_port", SCALAR)
                        .compare("cidr_ipv4", STRING).compare("cidr_ipv6", STRING).compare("prefix_list_id", STRING)
                        .compare("referenced_security_group_id", STRING).compare("description", STRING).compareTags()
                        .partOf(GROUP, "security_group_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> vpcRules(ctx, EGRESS, true)));
    }

    /**
     * Provider-v5 rules: one per source, id {@code sgr-...}; the default groups' rules, and the allow-all egress AWS
     * gives every new group, only when strict or managed (neither is a rule anyone made by hand).
     */
    private static List<LiveResource> vpcRules(CollectorContext ctx, String type, boolean egress) {
        Set<String> defaultGroups = ctx.strict() ? Set.of() : ctx.ec2()
                .describeSecurityGroups(r -> r.filters(f -> f.name("group-name").values("default")))
                .securityGroups().stream().map(SecurityGroup::groupId).collect(Collectors.toSet());
        return ctx.ec2().describeSecurityGroupRulesPaginator(r -> r.maxResults(1000)).securityGroupRules().stream()
                .filter(rule -> Boolean.TRUE.equals(rule.isEgress()) == egress)
                .filter(rule -> !defaultGroups.contains(rule.groupId()) || ctx.manages(type, rule.securityGroupRuleId()))
                .filter(rule -> ctx.strict() || !isAwsDefaultEgress(rule) || ctx.manages(type, rule.securityGroupRuleId()))
                .map(rule -> ctx.resource(type, rule.securityGroupRuleId(), vpcRule(rule)))
                .toList();
    }

    /**
     * A managed group's ingress or egress. Right after a first apply its state copy is empty although the state
     * manages rules of that direction as their own resources, added after the group was written: those rules compare
     * on their own, and the empty copy stands until the next refresh fills it (SeparatelyManaged), as Terraform does
     * not call it a change. Once refreshed, the copy is compared with what AWS has.
     */
    private static Object liveOrStaleCopy(CollectorContext ctx, SecurityGroup group, String direction, Object live) {
        Map<String, Object> state = ctx.managed().resources(GROUP).get(group.groupId());
        boolean staleCopy = state != null && state.get(direction) instanceof List<?> copy && copy.isEmpty()
                && managesSeparateRules(ctx, group.groupId(), direction);
        return SeparatelyManaged.orStateValue(ctx, GROUP, group.groupId(), direction, staleCopy, live);
    }

    private static boolean managesSeparateRules(CollectorContext ctx, String groupId, String direction) {
        String ruleType = direction.equals("ingress") ? INGRESS : EGRESS;
        return ctx.managed().resources(RULE).values().stream().anyMatch(rule ->
                        groupId.equals(String.valueOf(rule.get("security_group_id"))) && direction.equals(rule.get("type")))
                || ctx.managed().resources(ruleType).values().stream().anyMatch(rule ->
                        groupId.equals(String.valueOf(rule.get("security_group_id"))));
    }

    /** The rule AWS adds to every group it creates: all traffic out to 0.0.0.0/0, no description. */
    private static boolean isAwsDefaultEgress(SecurityGroupRule rule) {
        return Boolean.TRUE.equals(rule.isEgress()) && "-1".equals(SecurityGroupRules.protocol(rule.ipProtocol()))
                && "0.0.0.0/0".equals(rule.cidrIpv4())
                && (rule.description() == null || rule.description().isEmpty());
    }

    private static Map<String, Object> vpcRule(SecurityGroupRule rule) {
        String protocol = SecurityGroupRules.protocol(rule.ipProtocol());
        boolean allTraffic = protocol.equals("-1");
        return Attributes.of()
                .put("security_group_id", rule.groupId())
                .put("ip_protocol", protocol)
                // The provider writes no ports for all-traffic rules; AWS answers -1.
                .put("from_port", allTraffic ? null : rule.fromPort())
                .put("to_port", allTraffic ? null : rule.toPort())
                .put("cidr_ipv4", rule.cidrIpv4())
                .put("cidr_ipv6", rule.cidrIpv6())
                .put("prefix_list_id", rule.prefixListId())
                .put("referenced_security_group_id",
                        rule.referencedGroupInfo() == null ? null : rule.referencedGroupInfo().groupId())
                .put("description", rule.description())
                .put("tags", Tags.ec2(rule.tags()))
                .build();
    }

    /**
     * {@code aws_security_group_rule}: its id is a hash of the rule as configured, and AWS merges rules that share
     * protocol and ports, so a live rule cannot be named on its own. Each managed rule is looked for in its live
     * group instead: present (under its state id) when every source it declares is there. Live rules that no
     * state declares show on their group's inline sets, or as provider-v5 rule resources.
     */
    private static List<LiveResource> legacyRules(CollectorContext ctx) {
        Map<String, Map<String, Object>> managed = ctx.managed().resources(RULE);
        if (managed.isEmpty()) {
            return List.of();
        }
        List<String> groupIds = managed.values().stream()
                .map(rule -> String.valueOf(rule.get("security_group_id"))).distinct().toList();
        Map<String, SecurityGroup> groups = ctx.ec2()
                .describeSecurityGroupsPaginator(r -> r.filters(f -> f.name("group-id").values(groupIds)))
                .securityGroups().stream()
                .collect(Collectors.toMap(SecurityGroup::groupId, group -> group, (a, b) -> a));
        List<LiveResource> live = new ArrayList<>();
        managed.forEach((id, rule) -> {
            SecurityGroup group = groups.get(String.valueOf(rule.get("security_group_id")));
            if (group == null) {
                return;
            }
            boolean egress = "egress".equals(rule.get("type"));
            SecurityGroupRules.findDescription(group, egress ? group.ipPermissionsEgress() : group.ipPermissions(), rule)
                    .ifPresent(description -> live.add(ctx.resource(RULE, id, Attributes.of()
                            .put("security_group_id", group.groupId())
                            .put("description", description)
                            .build())));
        });
        return live;
    }
}
