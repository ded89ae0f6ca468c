package dev.driftdeck.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inbound rules reachable from the whole internet, read from every shape Terraform writes them in: a security
 * group's inline {@code ingress}, an {@code aws_security_group_rule}, a v5 {@code aws_vpc_security_group_ingress_rule},
 * a network ACL's {@code ingress} entries and an {@code aws_network_acl_rule}.
 */
final class Exposure {

    static final String SG = "aws_security_group";
    static final String DEFAULT_SG = "aws_default_security_group";
    static final String SG_RULE = "aws_security_group_rule";
    static final String SG_INGRESS_RULE = "aws_vpc_security_group_ingress_rule";
    static final String NACL = "aws_network_acl";
    static final String NACL_RULE = "aws_network_acl_rule";

    /** One rule open to the world. {@code allProtocols} for protocol -1; ports inclusive. */
    record Opening(boolean allProtocols, boolean tcp, long from, long to, boolean ipv4, boolean ipv6) {

        boolean reaches(int port) {
            return allProtocols || (tcp && from <= port && port <= to);
        }

        boolean everyPort() {
            return allProtocols || (from <= 0 && to >= 65535);
        }
    }

    private Exposure() {
    }

    /** The world-open inbound rules of a security group or its rule resources. */
    static List<Opening> securityGroup(RuleInput input) {
        List<Opening> open = new ArrayList<>();
        switch (input.type()) {
            case SG, DEFAULT_SG -> Values.blocks(input.get("ingress")).forEach(b -> add(open, b.get("protocol"),
                    b.get("from_port"), b.get("to_port"), Values.strings(b.get("cidr_blocks")),
                    Values.strings(b.get("ipv6_cidr_blocks"))));
            case SG_RULE -> {
                if ("ingress".equals(input.get("type"))) {
                    add(open, input.get("protocol"), input.get("from_port"), input.get("to_port"),
                            Values.strings(input.get("cidr_blocks")), Values.strings(input.get("ipv6_cidr_blocks")));
                }
            }
            case SG_INGRESS_RULE -> add(open, input.get("ip_protocol"), input.get("from_port"), input.get("to_port"),
                    Values.strings(input.get("cidr_ipv4")), Values.strings(input.get("cidr_ipv6")));
            default -> { }
        }
        return open;
    }

    /** The world-open inbound allow entries of a network ACL or an ACL rule. */
    static List<Opening> networkAcl(RuleInput input) {
        List<Opening> open = new ArrayList<>();
        if (NACL.equals(input.type())) {
            for (Map<String, Object> entry : Values.blocks(input.get("ingress"))) {
                if ("allow".equalsIgnoreCase(String.valueOf(entry.get("action")))) {
                    add(open, entry.get("protocol"), entry.get("from_port"), entry.get("to_port"),
                            Values.strings(entry.get("cidr_block")), Values.strings(entry.get("ipv6_cidr_block")));
                }
            }
        } else if (NACL_RULE.equals(input.type()) && Values.isFalse(input.get("egress"))
                && "allow".equalsIgnoreCase(String.valueOf(input.get("rule_action")))) {
            add(open, input.get("protocol"), input.get("from_port"), input.get("to_port"),
                    Values.strings(input.get("cidr_block")), Values.strings(input.get("ipv6_cidr_block")));
        }
        return open;
    }

    private static void add(List<Opening> into, Object protocol, Object from, Object to, List<String> ipv4,
                            List<String> ipv6) {
        boolean world4 = ipv4.contains("0.0.0.0/0");
        boolean world6 = ipv6.contains("::/0");
        if (!world4 && !world6) {
            return;
        }
        String p = protocol == null ? "" : String.valueOf(protocol).toLowerCase(java.util.Locale.ROOT);
        boolean all = p.equals("-1") || p.equals("all");
        boolean tcp = p.equals("tcp") || p.equals("6");
        Long low = Values.number(from);
        Long high = Values.number(to);
        into.add(new Opening(all, tcp, low == null ? 0 : low, high == null ? 65535 : high, world4, world6));
    }
}
