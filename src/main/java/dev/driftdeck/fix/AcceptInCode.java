package dev.driftdeck.fix;

import dev.driftdeck.aws.Collectors;
import dev.driftdeck.aws.ProviderArguments;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.Normalization;
import dev.driftdeck.drift.TerraformAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * "Accept in code" for a CHANGED finding: the live values of its drifted arguments as a {@code resource} fragment
 * to paste over the same arguments in the configuration, rendered per the provider's schema and the way the type's
 * collector compares each argument: plain arguments {@code name = value}, maps key by key, blocks as repeated
 * {@code ingress { ... }} blocks in a stable order, policy documents as {@code jsonencode(...)}, and a placeholder,
 * never a value, for anything sensitive.
 */
public final class AcceptInCode {

    private static final Pattern SENSITIVE = Pattern.compile("\\(sensitive( [0-9a-f]+)?\\)");

    private AcceptInCode() {
    }

    /** The fragment for a CHANGED finding with a Terraform address; empty for anything else. */
    public static String hcl(Finding finding) {
        if (finding.status() != FindingStatus.CHANGED || finding.address() == null || finding.diffs().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(header(finding));
        TerraformAddress address = TerraformAddress.parse(finding.address());
        out.append("resource ").append(HclValues.string(finding.type())).append(' ')
                .append(HclValues.string(address.internalName())).append(" {\n");
        Map<String, Normalization> normalizations = normalizations(finding.type());
        Map<String, ProviderArguments.Kind> kinds = ProviderArguments.get().attributes(finding.type());
        boolean first = true;
        for (Map.Entry<String, List<AttributeDiff>> argument : byArgument(finding.diffs()).entrySet()) {
            String name = argument.getKey();
            Normalization normalization = normalizations.getOrDefault(name, Normalization.STRING);
            if (!first) {
                out.append('\n');
            }
            first = false;
            if (argument.getValue().getFirst().path().size() > 1) {
                keyed(finding.type(), name, normalization, argument.getValue(), out);
            } else {
                whole(finding.type(), name, normalization, kinds.get(name), argument.getValue().getFirst(), out);
            }
        }
        return out.append("}\n").toString();
    }

    private static String header(Finding finding) {
        TerraformAddress address = TerraformAddress.parse(finding.address());
        StringBuilder out = new StringBuilder();
        out.append("# Accept the live values: replace these arguments in ").append(finding.address())
                .append(" (the arguments not listed stay as they are)\n");
        if (!address.namespace().isEmpty()) {
            out.append("# ").append(finding.address()).append(" is declared in ").append(address.namespace())
                    .append(": these values belong in that module's inputs (the variables that set these arguments),\n")
                    .append("# not in a resource block of your root configuration.\n");
        } else if (TerraformAddress.hasInstanceKey(finding.address())) {
            out.append("# ").append(finding.address()).append(" is one instance of a count/for_each resource:")
                    .append(" set the value for that instance only (in its for_each map or a lookup on each.key).\n");
        }
        return out.toString();
    }

    /** The diffs grouped by top-level argument, in the order the scan compared them. */
    private static Map<String, List<AttributeDiff>> byArgument(List<AttributeDiff> diffs) {
        Map<String, List<AttributeDiff>> grouped = new LinkedHashMap<>();
        for (AttributeDiff diff : diffs) {
            grouped.computeIfAbsent(diff.path().getFirst(), k -> new ArrayList<>()).add(diff);
        }
        return grouped;
    }

    private static Map<String, Normalization> normalizations(String type) {
        Map<String, Normalization> byName = new TreeMap<>();
        Collectors.forType(type).ifPresent(collector -> {
            for (AttributeRule rule : collector.spec().compared()) {
                byName.put(rule.name(), rule.normalization());
            }
        });
        return byName;
    }

    /** A whole argument: its live value, as an attribute, blocks or a policy document. */
    private static void whole(String type, String name, Normalization normalization, ProviderArguments.Kind kind,
                              AttributeDiff diff, StringBuilder out) {
        Object live = diff.kind() == DiffKind.REMOVED || diff.actual() == null ? null : DiffValues.parse(diff.actual());
        if (containsSensitive(live)) {
            out.append("  # ").append(name).append(" is sensitive: Driftdeck never shows its live value.")
                    .append(" Set it from your secret store.\n");
            out.append("  ").append(name).append(" = var.").append(name).append('\n');
            return;
        }
        boolean block = kind == ProviderArguments.Kind.BLOCK;
        List<Map<?, ?>> blocks = blocks(live);
        if (blocks != null && (block || live instanceof List<?>)) {
            if (blocks.isEmpty()) {
                out.append(block ? "  # remove every " + name + " block\n" : "  " + name + " = []\n");
            }
            for (Map<?, ?> element : blocks) {
                block(type, name, element, 1, out);
            }
            return;
        }
        if (live == null && block) {
            out.append("  # remove every ").append(name).append(" block\n");
            return;
        }
        if (live == null && normalization == Normalization.SET) {
            out.append("  ").append(name).append(" = [] # none in AWS\n");
            return;
        }
        if (normalization == Normalization.CASE_INSENSITIVE && live instanceof String) {
            out.append("  # AWS ignores case here and Driftdeck compares it lower-cased: write the provider's spelling\n");
        }
        String value = normalization == Normalization.JSON_DOCUMENT && live instanceof Map<?, ?>
                ? HclValues.jsonencode(live, 1) : HclValues.expression(live, 1);
        out.append("  ").append(name).append(" = ").append(value);
        out.append(live == null ? " # not set in AWS\n" : "\n");
    }

    /** Maps (tags...) key by key, and blocks named by id: only what drifted, with what to remove as comments. */
    private static void keyed(String type, String name, Normalization normalization, List<AttributeDiff> diffs,
                              StringBuilder out) {
        if (normalization == Normalization.BY_ID) {
            for (AttributeDiff diff : diffs) {
                String id = diff.path().get(1);
                if (diff.actual() == null) {
                    out.append("  # remove the ").append(name).append(" block with id ").append(HclValues.string(id)).append('\n');
                } else {
                    out.append("  # the ").append(name).append(" block with id ").append(HclValues.string(id))
                            .append(diff.expected() == null ? " (new)\n" : ": replace it with\n");
                    if (DiffValues.parse(diff.actual()) instanceof Map<?, ?> live) {
                        block(type, name, live, 1, out);
                    }
                }
            }
            return;
        }
        Map<String, Object> set = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        for (AttributeDiff diff : diffs) {
            String key = diff.path().get(1);
            if (diff.actual() == null) {
                removed.add(HclValues.string(key));
            } else {
                Object value = DiffValues.parse(diff.actual());
                set.put(key, containsSensitive(value) ? "(sensitive: set it yourself)" : value);
            }
        }
        out.append("  # ").append(name).append(" is a map: change only these keys and keep the others");
        if (!removed.isEmpty()) {
            out.append("; remove ").append(String.join(", ", removed));
        }
        out.append('\n');
        if (!set.isEmpty()) {
            out.append("  ").append(name).append(" = ").append(HclValues.expression(set, 1)).append('\n');
        }
    }

    /** One block; a map inside it is a nested block, a list of maps repeated nested blocks. */
    private static void block(String type, String name, Map<?, ?> element, int depth, StringBuilder out) {
        String pad = HclValues.indent(depth);
        out.append(pad).append(HclValues.key(name)).append(" {\n");
        Map<String, Object> fields = new TreeMap<>();
        element.forEach((k, v) -> fields.put(String.valueOf(k), v));
        requiredZeroes(type, name, depth, fields);
        List<Map.Entry<String, Object>> nested = new ArrayList<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            List<Map<?, ?>> inner = blocks(field.getValue());
            if (inner != null && !inner.isEmpty()) {
                nested.add(field);
                continue;
            }
            Object value = containsSensitive(field.getValue()) ? null : field.getValue();
            out.append(pad).append(HclValues.indent(1)).append(HclValues.key(field.getKey())).append(" = ")
                    .append(HclValues.expression(value, depth + 1))
                    .append(value == field.getValue() ? "" : " # sensitive: Driftdeck never shows it; set it yourself")
                    .append('\n');
        }
        for (Map.Entry<String, Object> field : nested) {
            for (Map<?, ?> inner : blocks(field.getValue())) {
                block(type, field.getKey(), inner, depth + 1, out);
            }
        }
        out.append(pad).append("}\n");
    }

    /**
     * The scan drops zero and false fields inside blocks (the provider writes them as null after a first apply), but a
     * security group rule must still say its ports: {@code protocol = "-1"} with ports 0 to 0.
     */
    private static void requiredZeroes(String type, String name, int depth, Map<String, Object> fields) {
        if (depth == 1 && type.equals("aws_security_group") && (name.equals("ingress") || name.equals("egress"))) {
            fields.putIfAbsent("from_port", 0);
            fields.putIfAbsent("to_port", 0);
        }
    }

    /** The value as a list of blocks (a map is one block), or null when it is not made of blocks. */
    private static List<Map<?, ?>> blocks(Object value) {
        if (value instanceof Map<?, ?> map) {
            return List.of(map);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(item -> item instanceof Map<?, ?>)) {
            List<Map<?, ?>> blocks = new ArrayList<>();
            list.forEach(item -> blocks.add((Map<?, ?>) item));
            return blocks;
        }
        return value instanceof List<?> list && list.isEmpty() ? List.of() : null;
    }

    private static boolean containsSensitive(Object value) {
        return switch (value) {
            case String s -> SENSITIVE.matcher(s).find();
            case Map<?, ?> map -> map.values().stream().anyMatch(AcceptInCode::containsSensitive);
            case List<?> list -> list.stream().anyMatch(AcceptInCode::containsSensitive);
            case null, default -> false;
        };
    }
}
