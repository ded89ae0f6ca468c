package dev.driftdeck.drift;

/**
 * Splits a full Terraform address into the module path (driftctl's "namespace") and the resource name
 * ("internal_name"): {@code module.app["eu.west"].aws_instance.web[0]} gives {@code module.app["eu.west"]} and
 * {@code web}. Dots inside index keys are not separators.
 */
public record TerraformAddress(String namespace, String internalName) {

    public static TerraformAddress parse(String address) {
        if (address == null || address.isEmpty()) {
            return new TerraformAddress("", "");
        }
        String withoutIndex = stripTrailingIndex(address);
        int lastDot = lastTopLevelDot(withoutIndex);
        String name = withoutIndex.substring(lastDot + 1);
        int typeDot = lastTopLevelDot(withoutIndex.substring(0, Math.max(lastDot, 0)));
        String namespace = typeDot <= 0 ? "" : withoutIndex.substring(0, typeDot);
        return new TerraformAddress(namespace, name);
    }

    /**
     * Whether the address names one instance of a {@code count}/{@code for_each} resource or sits in one instance of
     * a module ({@code aws_sqs_queue.q["orders"]}, {@code module.app[0].aws_vpc.main}): a {@code removed} block cannot
     * address it.
     */
    public static boolean hasInstanceKey(String address) {
        boolean quoted = false;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '"' && (i == 0 || address.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                return true;
            }
        }
        return false;
    }

    /** The address without its own trailing index key: {@code aws_sqs_queue.q["orders"]} gives {@code aws_sqs_queue.q}. */
    public static String stripTrailingIndex(String address) {
        if (!address.endsWith("]")) {
            return address;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = address.length() - 1; i >= 0; i--) {
            char c = address.charAt(i);
            if (c == '"' && (i == 0 || address.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == ']') {
                depth++;
            } else if (!quoted && c == '[' && --depth == 0) {
                return address.substring(0, i);
            }
        }
        return address;
    }

    private static int lastTopLevelDot(String text) {
        boolean quoted = false;
        int depth = 0;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                depth++;
            } else if (!quoted && c == ']') {
                depth--;
            } else if (!quoted && depth == 0 && c == '.') {
                last = i;
            }
        }
        return last;
    }
}
