package dev.driftdeck.state;

import com.fasterxml.jackson.databind.JsonNode;

/** Formats Terraform resource addresses the way Terraform prints them ({@code module.a["x"].aws_sqs_queue.q["orders"]}). */
final class ResourceAddress {

    private ResourceAddress() {
    }

    /**
     * @param module   the state's module path ({@code module.app["blue"]}), empty or null for the root module
     * @param indexKey the instance's {@code index_key}: missing or null (no count/for_each), a number (count)
     *                 or a string (for_each)
     */
    static String of(String module, String type, String name, JsonNode indexKey) {
        StringBuilder address = new StringBuilder();
        if (module != null && !module.isEmpty()) {
            address.append(module).append('.');
        }
        address.append(type).append('.').append(name);
        appendKey(address, indexKey);
        return address.toString();
    }

    private static void appendKey(StringBuilder address, JsonNode indexKey) {
        if (indexKey == null || indexKey.isNull() || indexKey.isMissingNode()) {
            return;
        }
        if (indexKey.isNumber()) {
            address.append('[').append(indexKey.asText()).append(']');
        } else {
            address.append("[\"").append(escape(indexKey.asText())).append("\"]");
        }
    }

    /** Terraform quotes string keys as HCL strings: backslash and double quote are escaped. */
    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
