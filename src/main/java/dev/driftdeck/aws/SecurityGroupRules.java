package dev.driftdeck.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Flattens AWS IP permissions into the inline {@code ingress}/{@code egress} rule maps the hashicorp/aws provider
 * writes: one rule per (permission, description), holding every CIDR, IPv6 CIDR, prefix list and group of that
 * permission that carries the same description; the group's own id becomes {@code self = true}.
 */
final class SecurityGroupRules {

    private SecurityGroupRules() {
    }

    static List<Map<String, Object>> flatten(SecurityGroup group, List<IpPermission> permissions) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (IpPermission permission : permissions) {
            Map<String, Rule> byDescription = new LinkedHashMap<>();
            for (IpRange range : permission.ipRanges()) {
                rule(byDescription, range.description()).cidrBlocks.add(range.cidrIp());
            }
            for (Ipv6Range range : permission.ipv6Ranges()) {
                rule(byDescription, range.description()).ipv6CidrBlocks.add(range.cidrIpv6());
            }
            for (PrefixListId prefixList : permission.prefixListIds()) {
                rule(byDescription, prefixList.description()).prefixListIds.add(prefixList.prefixListId());
            }
            for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
                Rule rule = rule(byDescription, pair.description());
                if (group.groupId().equals(pair.groupId())) {
                    rule.self = true;
                } else {
                    rule.securityGroups.add(groupReference(group, pair));
                }
            }
            for (Rule rule : byDescription.values()) {
                rules.add(rule.toMap(permission));
            }
        }
        return rules;
    }

    /**
     * Whether every source an {@code aws_security_group_rule} declares (its state attributes) is present in a
     * permission with its protocol and ports; the live description of the first source when so, else empty.
     */
    static java.util.Optional<String> findDescription(SecurityGroup group, List<IpPermission> permissions,
                                                      Map<String, Object> declared) {
        String protocol = protocol(String.valueOf(declared.get("protocol")));
        int from = number(declared.get("from_port"));
        int to = number(declared.get("to_port"));
        List<String> wanted = new ArrayList<>();
        strings(declared.get("cidr_blocks")).forEach(c -> wanted.add("cidr:" + c));
        strings(declared.get("ipv6_cidr_blocks")).forEach(c -> wanted.add("ipv6:" + c));
        strings(declared.get("prefix_list_ids")).forEach(c -> wanted.add("pl:" + c));
        if (declared.get("source_security_group_id") instanceof String source && !source.isEmpty()) {
            wanted.add("sg:" + source.substring(source.indexOf('/') + 1));
        }
        if (Boolean.TRUE.equals(declared.get("self"))) {
            wanted.add("sg:" + group.groupId());
        }
        Map<String, String> present = new LinkedHashMap<>();
        for (IpPermission permission : permissions) {
            boolean allTraffic = protocol.equals("-1");
            boolean portsMatch = allTraffic || (number(permission.fromPort()) == from && number(permission.toPort()) == to);
            if (!protocol(permission.ipProtocol()).equals(protocol) || !portsMatch) {
                continue;
            }
            permission.ipRanges().forEach(r -> present.putIfAbsent("cidr:" + r.cidrIp(), nullToEmpty(r.description())));
            permission.ipv6Ranges().forEach(r -> present.putIfAbsent("ipv6:" + r.cidrIpv6(), nullToEmpty(r.description())));
            permission.prefixListIds().forEach(p -> present.putIfAbsent("pl:" + p.prefixListId(), nullToEmpty(p.description())));
            permission.userIdGroupPairs().forEach(p -> present.putIfAbsent("sg:" + p.groupId(), nullToEmpty(p.description())));
        }
        if (wanted.isEmpty() || !present.keySet().containsAll(wanted)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(present.get(wanted.getFirst()));
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null ? 0 : (int) Double.parseDouble(String.valueOf(value));
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // Terraform writes a group of another account as "owner/sg-id" and one of the same account as "sg-id".
    private static String groupReference(SecurityGroup group, UserIdGroupPair pair) {
        if (pair.userId() != null && !pair.userId().equals(group.ownerId())) {
            return pair.userId() + "/" + pair.groupId();
        }
        return pair.groupId();
    }

    private static Rule rule(Map<String, Rule> byDescription, String description) {
        return byDescription.computeIfAbsent(description == null ? "" : description, Rule::new);
    }

    /** The provider's protocol spelling: names for the common numbers, "-1" for all traffic. */
    static String protocol(String value) {
        if (value == null) {
            return "-1";
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> "-1";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "icmpv6";
            default -> value.toLowerCase(Locale.ROOT);
        };
    }

    private static final class Rule {
        final String description;
        final List<String> cidrBlocks = new ArrayList<>();
        final List<String> ipv6CidrBlocks = new ArrayList<>();
        final List<String> prefixListIds = new ArrayList<>();
        final List<String> securityGroups = new ArrayList<>();
        boolean self;

        Rule(String description) {
            this.description = description;
        }

        Map<String, Object> toMap(IpPermission permission) {
            // AWS omits ports for all-traffic rules; Terraform writes 0 for them.
            return Attributes.of()
                    .put("cidr_blocks", List.copyOf(cidrBlocks))
                    .put("description", description)
                    .put("from_port", permission.fromPort() == null ? 0 : permission.fromPort())
                    .put("ipv6_cidr_blocks", List.copyOf(ipv6CidrBlocks))
                    .put("prefix_list_ids", List.copyOf(prefixListIds))
                    .put("protocol", protocol(permission.ipProtocol()))
                    .put("security_groups", securityGroups.stream().sorted().toList())
                    .put("self", self)
                    .put("to_port", permission.toPort() == null ? 0 : permission.toPort())
                    .build();
        }
    }
}
