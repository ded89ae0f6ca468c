package dev.driftdeck.remediation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code terraform plan -generate-config-out} gets wrong for some types (hashicorp/aws 5.100.0, Terraform
 * 1.11), and the fix Driftdeck applies to the generated file: the provider writes every attribute it read, including
 * zero values its own validation rejects and both sides of "conflicts with" pairs, and the plan then fails. Each fix
 * removes an argument (the provider computes it back: no change planned) or, where AWS allows a value the provider's
 * validation does not, removes it and ignores it ({@code lifecycle { ignore_changes }}), so the plan shows no
 * change either. {@code driftdeck fix-generated generated.tf} applies them; docs/remediation.md lists them.
 */
public final class GeneratedConfigFixes {

    /** One argument of one type: a nested one as {@code block.argument}. */
    public record Fix(String type, String argument, boolean ignoreChanges, String why) {
    }

    public static final List<Fix> ALL = List.of(
            new Fix("aws_vpc", "ipv6_netmask_length", false,
                    "written as 0, which needs ipv6_ipam_pool_id (\"all of ipv6_ipam_pool_id,ipv6_netmask_length\")"),
            new Fix("aws_subnet", "availability_zone_id", false,
                    "\"conflicts with availability_zone\": both are written; the zone name stays"),
            new Fix("aws_subnet", "enable_lni_at_device_index", false, "written as 0, which the provider rejects"),
            new Fix("aws_subnet", "map_customer_owned_ip_on_launch", false,
                    "written as false, which needs an Outpost (customer_owned_ipv4_pool, outpost_arn)"),
            new Fix("aws_sqs_queue", "max_message_size", true,
                    "AWS's default since 2025 (1 MiB) is above the provider's limit (262144): kept out of the"
                            + " configuration and ignored"),
            new Fix("aws_kms_key", "rotation_period_in_days", false,
                    "written as 0 for a key without rotation, which the provider rejects (90 to 2560)"),
            new Fix("aws_dynamodb_table", "point_in_time_recovery.recovery_period_in_days", false,
                    "written as 0 when recovery is off, which the provider rejects (1 to 35)"),
            new Fix("aws_sns_topic", "signature_version", false, "written as 0, which the provider rejects (1 or 2)"),
            new Fix("aws_instance", "ipv6_address_count", false,
                    "\"conflicts with ipv6_addresses\" (Terraform's documented example); the addresses stay"));

    private static final Pattern RESOURCE = Pattern.compile("^resource \"([^\"]+)\" \"[^\"]+\" \\{\\s*$");
    private static final Pattern BLOCK = Pattern.compile("^\\s*([A-Za-z0-9_]+) \\{\\s*$");
    private static final Pattern ARGUMENT = Pattern.compile("^\\s*([A-Za-z0-9_]+)\\s*=\\s*(.*)$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*}\\s*$");

    private GeneratedConfigFixes() {
    }

    /** The fixes of one type. */
    public static List<Fix> of(String type) {
        return ALL.stream().filter(fix -> fix.type().equals(type)).toList();
    }

    /**
     * The generated file with every fix applied: single-line arguments named by a fix are dropped (a value spanning
     * lines is left as it is), and each resource that lost an ignored one gets a {@code lifecycle} block for them.
     */
    public static String apply(String generated) {
        Map<String, List<Fix>> byType = new java.util.HashMap<>();
        ALL.forEach(fix -> byType.computeIfAbsent(fix.type(), t -> new ArrayList<>()).add(fix));
        StringBuilder out = new StringBuilder();
        List<String> path = new ArrayList<>();
        List<Fix> fixes = List.of();
        Set<String> ignored = new HashSet<>();
        String[] lines = generated.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher resource = RESOURCE.matcher(line);
            if (path.isEmpty() && resource.matches()) {
                fixes = byType.getOrDefault(resource.group(1), List.of());
                path.add("");
                out.append(line).append('\n');
                continue;
            }
            if (!path.isEmpty() && CLOSE.matcher(line).matches()) {
                path.removeLast();
                if (path.isEmpty() && !ignored.isEmpty()) {
                    out.append("  lifecycle {\n    ignore_changes = [").append(String.join(", ", ignored.stream().sorted().toList()))
                            .append("]\n  }\n");
                    ignored.clear();
                }
                out.append(line).append('\n');
                continue;
            }
            Matcher block = BLOCK.matcher(line);
            if (!path.isEmpty() && block.matches()) {
                path.add(block.group(1));
                out.append(line).append('\n');
                continue;
            }
            Matcher argument = ARGUMENT.matcher(line);
            if (!path.isEmpty() && argument.matches()) {
                if (!singleLine(argument.group(2))) {
                    i = copyValue(lines, i, argument.group(2), out); // a map, list, jsonencode(...) or heredoc: kept
                    continue;
                }
                String key = (path.size() == 1 ? "" : String.join(".", path.subList(1, path.size())) + ".")
                        + argument.group(1);
                Fix fix = fixes.stream().filter(f -> f.argument().equals(key)).findFirst().orElse(null);
                if (fix != null) {
                    if (fix.ignoreChanges()) {
                        ignored.add(key);
                    }
                    continue;
                }
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** Copies a value spanning lines as it is; returns the index of its last line. */
    private static int copyValue(String[] lines, int first, String value, StringBuilder out) {
        out.append(lines[first]).append('\n');
        String v = value.strip();
        if (v.startsWith("<<")) {
            String end = v.substring(v.startsWith("<<-") ? 3 : 2).strip();
            int i = first + 1;
            for (; i < lines.length && !lines[i].strip().equals(end); i++) {
                out.append(lines[i]).append('\n');
            }
            if (i < lines.length) {
                out.append(lines[i]).append('\n');
            }
            return Math.min(i, lines.length - 1);
        }
        int depth = depth(v);
        int i = first;
        while (depth > 0 && i + 1 < lines.length) {
            i++;
            out.append(lines[i]).append('\n');
            depth += depth(lines[i]);
        }
        return i;
    }

    /** Brackets opened minus closed outside quoted strings. */
    private static int depth(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '[' || c == '(')) {
                depth++;
            } else if (!quoted && (c == '}' || c == ']' || c == ')')) {
                depth--;
            }
        }
        return depth;
    }

    /** A value that ends on its own line: not an open {@code (}, {@code [}, {@code {} or heredoc. */
    private static boolean singleLine(String value) {
        String v = value.strip();
        return !(v.endsWith("(") || v.endsWith("[") || v.endsWith("{") || v.startsWith("<<"));
    }
}
