package dev.driftdeck.meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Describes the elements of a set or list attribute in its own terms. A security group rule is split into one
 * element per source (its CIDRs, IPv6 CIDRs, prefix lists and groups each), because AWS keeps every source of a
 * port in one permission: opening port 22 to 0.0.0.0/0 beside 10.0.0.0/8 must read as that one source added, not as
 * a whole rule removed and another added.
 */
final class RuleElements {

    private static final Set<String> SECURITY_GROUPS = Set.of("aws_security_group", "aws_default_security_group");
    private static final Set<String> NETWORK_ACLS = Set.of("aws_network_acl", "aws_default_network_acl");
    private static final Set<String> ROUTE_TABLES = Set.of("aws_route_table", "aws_default_route_table");
    private static final Set<String> DIRECTIONS = Set.of("ingress", "egress");
    /** Where a route sends its traffic, in the order the provider's schema lists the targets. */
    private static final List<String> ROUTE_TARGETS = List.of("gateway_id", "nat_gateway_id", "network_interface_id",
            "transit_gateway_id", "vpc_peering_connection_id", "egress_only_gateway_id", "carrier_gateway_id",
            "local_gateway_id", "core_network_arn", "vpc_endpoint_id");
    private static final List<String> ROUTE_DESTINATIONS = List.of("cidr_block", "ipv6_cidr_block",
            "destination_prefix_list_id");
    private static final int MAX_GENERIC_LENGTH = 160;

    /** How the elements of one attribute read; {@link #GENERIC} for a list with no shape of its own. */
    enum Shape {
        SECURITY_GROUP_RULE, NETWORK_ACL_ENTRY, ROUTE, GENERIC
    }

    private RuleElements() {
    }

    static Shape shapeOf(String type, String attribute) {
        if (SECURITY_GROUPS.contains(type) && DIRECTIONS.contains(attribute)) {
            return Shape.SECURITY_GROUP_RULE;
        }
        if (NETWORK_ACLS.contains(type) && DIRECTIONS.contains(attribute)) {
            return Shape.NETWORK_ACL_ENTRY;
        }
        if (ROUTE_TABLES.contains(type) && attribute.equals("route")) {
            return Shape.ROUTE;
        }
        return Shape.GENERIC;
    }

    /** The element's description, or descriptions when it holds several (a security group rule's sources). */
    static List<String> describe(Shape shape, String attribute, Object element) {
        boolean egress = attribute.equals("egress");
        if (!(element instanceof Map<?, ?> map)) {
            return List.of(Values.text(element));
        }
        return switch (shape) {
            case SECURITY_GROUP_RULE -> securityGroupRule(map, egress);
            case NETWORK_ACL_ENTRY -> List.of(networkAclEntry(map, egress));
            case ROUTE -> List.of(route(map));
            case GENERIC -> List.of(generic(map));
        };
    }

    /** {@code tcp 22 from 0.0.0.0/0}, one per source; {@code all traffic to ::/0}; a description in quotes. */
    private static List<String> securityGroupRule(Map<?, ?> rule, boolean egress) {
        String traffic = traffic(protocolName(rule.get("protocol")), rule.get("from_port"), rule.get("to_port"));
        String description = Values.blank(rule.get("description")) ? "" : " \"" + rule.get("description") + "\"";
        List<String> sources = new ArrayList<>();
        for (String key : List.of("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups")) {
            sources.addAll(Values.strings(rule.get(key)));
        }
        if (Boolean.TRUE.equals(rule.get("self")) || "true".equals(rule.get("self"))) {
            sources.add("itself");
        }
        if (sources.isEmpty()) {
            return List.of(traffic + description);
        }
        String direction = egress ? " to " : " from ";
        return sources.stream().map(source -> traffic + direction + source + description).toList();
    }

    /** {@code #100 allow tcp 22 from 0.0.0.0/0}. */
    private static String networkAclEntry(Map<?, ?> entry, boolean egress) {
        String protocol = protocolName(entry.get("protocol"));
        String traffic = protocol.startsWith("icmp")
                ? icmp(protocol, entry.get("icmp_type"), entry.get("icmp_code"))
                : traffic(protocol, entry.get("from_port"), entry.get("to_port"));
        List<String> cidrs = new ArrayList<>(Values.strings(entry.get("cidr_block")));
        cidrs.addAll(Values.strings(entry.get("ipv6_cidr_block")));
        StringBuilder text = new StringBuilder();
        if (!Values.blank(entry.get("rule_no"))) {
            text.append('#').append(Values.text(entry.get("rule_no"))).append(' ');
        }
        if (!Values.blank(entry.get("action"))) {
            text.append(Values.text(entry.get("action")).toLowerCase(Locale.ROOT)).append(' ');
        }
        text.append(traffic);
        if (!cidrs.isEmpty()) {
            text.append(egress ? " to " : " from ").append(String.join(", ", cidrs));
        }
        return text.toString();
    }

    /** {@code 10.1.0.0/16 via pcx-0a1b}. */
    private static String route(Map<?, ?> route) {
        List<String> destinations = new ArrayList<>();
        ROUTE_DESTINATIONS.forEach(key -> destinations.addAll(Values.strings(route.get(key))));
        List<String> targets = new ArrayList<>();
        ROUTE_TARGETS.forEach(key -> targets.addAll(Values.strings(route.get(key))));
        String destination = destinations.isEmpty() ? "(no destination)" : String.join(", ", destinations);
        return targets.isEmpty() ? destination : destination + " via " + String.join(", ", targets);
    }

    /** {@code key=value, key=value} in key order (the canonical form sorts them); nested values as JSON. */
    private static String generic(Map<?, ?> block) {
        StringJoiner text = new StringJoiner(", ");
        block.forEach((key, value) -> text.add(key + "=" + Values.text(value)));
        String joined = text.toString();
        return joined.length() <= MAX_GENERIC_LENGTH ? joined : joined.substring(0, MAX_GENERIC_LENGTH - 1) + "…";
    }

    /** The provider writes names for the common protocols and numbers for the rest; NACL entries always numbers. */
    static String protocolName(Object protocol) {
        String value = protocol == null ? "-1" : Values.text(protocol).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "-1", "all" -> "all";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58", "ipv6-icmp" -> "icmpv6";
            default -> value;
        };
    }

    private static String traffic(String protocol, Object fromPort, Object toPort) {
        if (protocol.equals("all")) {
            return "all traffic";
        }
        if (protocol.startsWith("icmp")) {
            // A security group's ICMP rule carries the type in from_port and the code in to_port.
            return icmp(protocol, fromPort, toPort);
        }
        long from = number(fromPort);
        long to = number(toPort);
        String name = protocol.equals("tcp") || protocol.equals("udp") ? protocol : "protocol " + protocol;
        if (from == 0 && to == 65535) {
            return name + " all ports";
        }
        if (from == 0 && to == 0 && name.startsWith("protocol")) {
            // Protocols without ports (esp, gre...) carry 0 in both.
            return name;
        }
        return from == to ? name + " " + from : name + " " + from + "-" + to;
    }

    private static String icmp(String protocol, Object type, Object code) {
        long t = type == null ? -1 : number(type);
        long c = code == null ? -1 : number(code);
        return protocol + (t == -1 ? "" : " type " + t) + (c == -1 || t == -1 ? "" : " code " + c);
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? 0 : (long) Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
