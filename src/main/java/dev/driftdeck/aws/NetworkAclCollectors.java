package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import dev.driftdeck.remediation.ImportIds;

/**
 * Network ACLs, the VPC's default ACL adopted by {@code aws_default_network_acl}, and {@code aws_network_acl_rule}.
 * Rules can be written inline in either ACL type or as separate resources: the rule type is {@code partOf} its ACL,
 * so a rule of a managed ACL is never UNMANAGED and any drift also shows on the ACL's inline sets.
 */
final class NetworkAclCollectors {

    static final String ACL = "aws_network_acl";
    static final String DEFAULT_ACL = "aws_default_network_acl";
    static final String RULE = "aws_network_acl_rule";

    private NetworkAclCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // A VPC's default ACL is never an aws_network_acl: the provider refuses to import it as one.
                CollectorDefinition.regional(ACL).actions("ec2:DescribeNetworkAcls")
                        .compare("vpc_id", STRING).compare("subnet_ids", SET)
                        .compare("ingress", SET).compare("egress", SET).compareTags()
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> acls(ctx).stream()
                                .filter(acl -> !Boolean.TRUE.equals(acl.isDefault()))
                                .map(acl -> ctx.resource(ACL, acl.networkAclId(), attributes(acl)
                                        .put("subnet_ids", acl.associations().stream()
                                                .map(NetworkAclAssociation::subnetId).toList())
                                        .build()))
                                .toList()),
                // subnet_ids is not compared: every subnet associated with no other ACL sits in the default one, so
                // it changes with each subnet created or moved (the vpc module ignores it for that reason).
                CollectorDefinition.regional(DEFAULT_ACL).actions("ec2:DescribeNetworkAcls")
                        .compare("vpc_id", STRING).compare("ingress", SET).compare("egress", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "default_network_acl_id")
                        .notCompared("every subnet in no other ACL sits in the default one: it changes with each subnet"
                                + " created or moved", "subnet_ids")
                        .adopts(ACL)
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> acls(ctx).stream()
                                .filter(acl -> Boolean.TRUE.equals(acl.isDefault()))
                                .filter(acl -> ctx.strict() || ctx.manages(DEFAULT_ACL, acl.networkAclId()))
                                .map(acl -> ctx.resource(DEFAULT_ACL, acl.networkAclId(), attributes(acl).build()))
                                .toList()),
                // egress, rule_number and network_acl_id are the entry's identity: a change is another entry.
                CollectorDefinition.regional(RULE).actions("ec2:DescribeNetworkAcls")
                        .compare("protocol", STRING).compare("rule_action", CASE_INSENSITIVE)
                        .compare("cidr_block", STRING).compare("ipv6_cidr_block", STRING)
                        .compare("from_port", SCALAR).compare("to_port", SCALAR)
                        .compare("icmp_type", SCALAR).compare("icmp_code", SCALAR)
                        .notCompared(NotCompared.IDENTITY, "network_acl_id", "egress", "rule_number")
                        .partOf(ACL, "network_acl_id")
                        .importId(ImportIds.computed("NETWORKACLID:RULENUMBER:PROTOCOL:EGRESS", ImportIdsOf::networkAclRule)).listedBy(NetworkAclCollectors::rules));
    }

    private static List<NetworkAcl> acls(CollectorContext ctx) {
        return ctx.ec2().describeNetworkAclsPaginator().networkAcls().stream().toList();
    }

    private static Attributes attributes(NetworkAcl acl) {
        return Attributes.of()
                .put("vpc_id", acl.vpcId())
                .put("ingress", NetworkAclEntries.configurable(acl, false).stream().map(NetworkAclEntries::inline).toList())
                .put("egress", NetworkAclEntries.configurable(acl, true).stream().map(NetworkAclEntries::inline).toList())
                .put("tags", Tags.ec2(acl.tags()));
    }

    /**
     * Every configurable entry, named by the managed rule that declares it (the state id, whatever protocol spelling
     * it was hashed with) or else by the provider's id for the protocol number. A default ACL's entries are AWS's
     * unless strict or its ACL is managed (then they are the ACL's business anyway); of those, only the ones a
     * managed rule declares are listed.
     */
    private static List<LiveResource> rules(CollectorContext ctx) {
        Map<String, String> managedIds = new HashMap<>();
        ctx.managed().resources(RULE).forEach((id, rule) -> managedIds.put(NetworkAclEntries.entryKey(
                String.valueOf(rule.get("network_acl_id")), rule.get("egress"), rule.get("rule_number")), id));
        List<LiveResource> rules = new ArrayList<>();
        for (NetworkAcl acl : acls(ctx)) {
            boolean awsDefaults = Boolean.TRUE.equals(acl.isDefault()) && !ctx.strict()
                    && !ctx.manages(DEFAULT_ACL, acl.networkAclId());
            for (boolean egress : List.of(false, true)) {
                for (NetworkAclEntry entry : NetworkAclEntries.configurable(acl, egress)) {
                    String key = NetworkAclEntries.entryKey(acl.networkAclId(), egress, entry.ruleNumber());
                    if (awsDefaults && !managedIds.containsKey(key)) {
                        continue;
                    }
                    String id = managedIds.getOrDefault(key, NetworkAclEntries.ruleId(acl.networkAclId(),
                            entry.ruleNumber(), egress, NetworkAclEntries.protocolNumber(entry.protocol())));
                    rules.add(ctx.resource(RULE, id, NetworkAclEntries.rule(acl.networkAclId(), entry)));
                }
            }
        }
        return rules;
    }
}
