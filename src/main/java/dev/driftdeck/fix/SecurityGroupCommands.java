package dev.driftdeck.fix;

import dev.driftdeck.remediation.Shell;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * AWS CLI commands that put a security group's inline rules back as the state has them: each rule only AWS has is
 * revoked, each rule only the state has is authorized, as {@code --ip-permissions} JSON built from Terraform's rule
 * shape ({@code self} is the group itself).
 */
final class SecurityGroupCommands {

    private SecurityGroupCommands() {
    }

    static String restore(String groupId, boolean egress, AttributeDiff diff) {
        List<Object> expected = elements(diff.expected());
        List<Object> actual = elements(diff.actual());
        Set<String> want = rendered(expected);
        Set<String> have = rendered(actual);
        String direction = egress ? "egress" : "ingress";
        List<String> commands = new ArrayList<>();
        List<Object> revoke = actual.stream().filter(rule -> !want.contains(CanonicalJson.render(rule))).toList();
        List<Object> authorize = expected.stream().filter(rule -> !have.contains(CanonicalJson.render(rule))).toList();
        if (!revoke.isEmpty()) {
            commands.add("aws ec2 revoke-security-group-" + direction + " --group-id " + Shell.quote(groupId)
                    + " --ip-permissions " + Shell.quote(CanonicalJson.render(permissions(groupId, revoke))));
        }
        if (!authorize.isEmpty()) {
            commands.add("aws ec2 authorize-security-group-" + direction + " --group-id " + Shell.quote(groupId)
                    + " --ip-permissions " + Shell.quote(CanonicalJson.render(permissions(groupId, authorize))));
        }
        return String.join("\n", commands);
    }

    private static List<Object> elements(String json) {
        return json != null && DiffValues.parse(json) instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    private static Set<String> rendered(List<Object> rules) {
        Set<String> texts = new TreeSet<>();
        rules.forEach(rule -> texts.add(CanonicalJson.render(rule)));
        return texts;
    }

    private static List<Map<String, Object>> permissions(String groupId, List<Object> rules) {
        List<Map<String, Object>> permissions = new ArrayList<>();
        for (Object element : rules) {
            Map<?, ?> rule = (Map<?, ?>) element;
            Object description = rule.get("description");
            Map<String, Object> permission = new LinkedHashMap<>();
            permission.put("IpProtocol", String.valueOf(rule.containsKey("protocol") ? rule.get("protocol") : "-1"));
            if (!"-1".equals(permission.get("IpProtocol"))) {
                permission.put("FromPort", number(rule.get("from_port")));
                permission.put("ToPort", number(rule.get("to_port")));
            }
            ranges(rule, "cidr_blocks", "IpRanges", "CidrIp", description, permission);
            ranges(rule, "ipv6_cidr_blocks", "Ipv6Ranges", "CidrIpv6", description, permission);
            ranges(rule, "prefix_list_ids", "PrefixListIds", "PrefixListId", description, permission);
            List<Object> groups = new ArrayList<>(list(rule.get("security_groups")));
            if (Boolean.TRUE.equals(rule.get("self"))) {
                groups.add(groupId);
            }
            ranges(Map.of("groups", groups), "groups", "UserIdGroupPairs", "GroupId", description, permission);
            permissions.add(permission);
        }
        return permissions;
    }

    private static void ranges(Map<?, ?> rule, String field, String key, String inner, Object description,
                               Map<String, Object> permission) {
        List<?> values = list(rule.get(field));
        if (values.isEmpty()) {
            return;
        }
        List<Map<String, Object>> ranges = new ArrayList<>();
        for (Object value : values) {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put(inner, value);
            if (description != null) {
                range.put("Description", description);
            }
            ranges.add(range);
        }
        permission.put(key, ranges);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static Object number(Object value) {
        return value == null ? 0 : value;
    }
}
