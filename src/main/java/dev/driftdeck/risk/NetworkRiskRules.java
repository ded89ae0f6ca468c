package dev.driftdeck.risk;

import static dev.driftdeck.risk.Exposure.DEFAULT_SG;
import static dev.driftdeck.risk.Exposure.NACL;
import static dev.driftdeck.risk.Exposure.NACL_RULE;
import static dev.driftdeck.risk.Exposure.SG;
import static dev.driftdeck.risk.Exposure.SG_INGRESS_RULE;
import static dev.driftdeck.risk.Exposure.SG_RULE;
import static dev.driftdeck.risk.RuleBuilder.rule;

import java.util.List;
import java.util.function.Predicate;

/** Security groups and network ACLs opened to the internet (FIELD-NOTES §3.2 rules 1-7). */
final class NetworkRiskRules {

    /** Database, cache, search and old clear-text admin ports (Security Hub EC2.19's list). */
    static final List<Integer> HIGH_RISK_PORTS = List.of(20, 21, 23, 1433, 1521, 3306, 5432, 6379, 9200, 11211, 27017);

    private static final String[] SG_TYPES = {SG, DEFAULT_SG, SG_RULE, SG_INGRESS_RULE};
    private static final String[] SG_READS = {"ingress", "type", "protocol", "ip_protocol", "from_port", "to_port",
            "cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6"};
    private static final String SG_FIX = "Remove the rule by hand or run terraform apply to restore the state's "
            + "rules; reach the host through SSM Session Manager, a VPN or a bastion limited to known addresses.";

    private NetworkRiskRules() {
    }

    static List<RiskRule> all() {
        return List.of(
                rule("DD-SG-001", Severity.HIGH, "SSH (22) open to the internet (0.0.0.0/0)")
                        .why("Anyone on the internet can try passwords and exploits against the SSH daemon.")
                        .fix(SG_FIX).refs("EC2.13", "EC2.53", "CIS 5.2")
                        .on(SG_TYPES).reads(SG_READS).failsWhen(sg(o -> o.ipv4() && o.reaches(22))),
                rule("DD-SG-002", Severity.HIGH, "RDP (3389) open to the internet (0.0.0.0/0)")
                        .why("RDP is a favourite target of brute force and ransomware crews.")
                        .fix(SG_FIX).refs("EC2.14", "EC2.53", "CIS 5.2")
                        .on(SG_TYPES).reads(SG_READS).failsWhen(sg(o -> o.ipv4() && o.reaches(3389))),
                rule("DD-SG-003", Severity.HIGH, "SSH or RDP open to the IPv6 internet (::/0)")
                        .why("An IPv6 /0 rule exposes the port as widely as 0.0.0.0/0, and is easier to miss.")
                        .fix(SG_FIX).refs("EC2.54", "CIS 5.3")
                        .on(SG_TYPES).reads(SG_READS)
                        .failsWhen(sg(o -> o.ipv6() && (o.reaches(22) || o.reaches(3389)))),
                rule("DD-SG-004", Severity.CRITICAL, "All ports open to the internet")
                        .why("Every service on the instances behind this group is reachable from anywhere.")
                        .fix(SG_FIX).refs("EC2.18")
                        .on(SG_TYPES).reads(SG_READS).failsWhen(sg(Exposure.Opening::everyPort)),
                rule("DD-SG-005", Severity.CRITICAL, "Database or admin port open to the internet")
                        .why("Databases, caches and search clusters (3306, 5432, 1433, 1521, 6379, 9200, 11211, "
                                + "27017) and FTP/Telnet exposed to anyone are a common source of data breaches.")
                        .fix(SG_FIX).refs("EC2.19")
                        .on(SG_TYPES).reads(SG_READS)
                        .failsWhen(sg(o -> !o.everyPort() && HIGH_RISK_PORTS.stream().anyMatch(o::reaches))),
                rule("DD-SG-006", Severity.HIGH, "Default security group allows traffic")
                        .why("Anything launched without a group lands in the default group and inherits its rules.")
                        .fix("Empty the default group's ingress and egress (aws_default_security_group with no "
                                + "rules) and give workloads their own groups.")
                        .refs("EC2.2", "CIS 5.4").on(DEFAULT_SG).reads("ingress", "egress")
                        .failsWhenPresentAnd(in -> !Values.blocks(in.get("ingress")).isEmpty()
                                || !Values.blocks(in.get("egress")).isEmpty()),
                rule("DD-NACL-001", Severity.MEDIUM, "Network ACL allows SSH or RDP from the internet")
                        .why("The subnet's ACL no longer stops remote administration from anywhere.")
                        .fix("Restore the ACL's entries with terraform apply, or narrow the entry to known networks.")
                        .refs("EC2.21", "CIS 5.1").on(NACL, NACL_RULE)
                        .reads("ingress", "egress", "rule_action", "protocol", "from_port", "to_port", "cidr_block",
                                "ipv6_cidr_block")
                        .failsWhen(acl(o -> !o.everyPort() && (o.reaches(22) || o.reaches(3389)))),
                rule("DD-NACL-002", Severity.HIGH, "Network ACL allows every port from the internet")
                        .why("The subnet's ACL stops nothing inbound: only security groups are left in the way.")
                        .fix("Restore the ACL's entries with terraform apply; allow only the ports the subnet serves.")
                        .refs("EC2.21").on(NACL, NACL_RULE)
                        .reads("ingress", "egress", "rule_action", "protocol", "from_port", "to_port", "cidr_block",
                                "ipv6_cidr_block")
                        .failsWhen(acl(Exposure.Opening::everyPort)));
    }

    private static Predicate<RuleInput> sg(Predicate<Exposure.Opening> open) {
        return in -> !in.absent() && Exposure.securityGroup(in).stream().anyMatch(open);
    }

    private static Predicate<RuleInput> acl(Predicate<Exposure.Opening> open) {
        return in -> !in.absent() && Exposure.networkAcl(in).stream().anyMatch(open);
    }
}
