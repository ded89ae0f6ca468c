package dev.driftdeck.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The statements of an IAM or resource policy, read for what the rules ask: who is allowed what, on what, and under
 * which condition. Text that is not a policy reads as no statements (no rule fails on what it cannot read).
 */
final class PolicyDocument {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):.*$|^(\\d{12})$");

    /** One statement, with actions, principals and resources lower-cased where AWS compares them so. */
    record Statement(boolean allow, List<String> principals, List<String> actions, boolean notAction,
                     List<String> resources, JsonNode condition) {

        boolean anyone() {
            return principals.contains("*");
        }

        boolean unconditional() {
            return condition == null || condition.isEmpty();
        }

        /** True when one of the statement's action patterns covers one of {@code wanted} (exact names). */
        boolean allowsAnyOf(Collection<String> wanted) {
            if (notAction) {
                return true; // "everything but": assume it covers what is asked
            }
            for (String pattern : actions) {
                for (String action : wanted) {
                    if (matches(pattern, action.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private final List<Statement> statements;

    private PolicyDocument(List<Statement> statements) {
        this.statements = statements;
    }

    /**
     * The last documents parsed on this thread, by the identity of their text: the rules of one finding read the same
     * policy text up to five times (public read, write, another account, TLS, escalation), parsing it once.
     */
    private static final ThreadLocal<Object[]> RECENT = ThreadLocal.withInitial(() -> new Object[4]);

    static PolicyDocument of(Object value) {
        Object[] recent = RECENT.get();
        for (int i = 0; i < recent.length; i += 2) {
            if (recent[i] == value && value != null) {
                return (PolicyDocument) recent[i + 1];
            }
        }
        PolicyDocument parsed = parse(value);
        System.arraycopy(recent, 0, recent, 2, recent.length - 2);
        recent[0] = value;
        recent[1] = parsed;
        return parsed;
    }

    private static PolicyDocument parse(Object value) {
        try {
            JsonNode root = value instanceof String text ? (text.isBlank() ? null : MAPPER.readTree(text))
                    : value instanceof Map<?, ?> map ? MAPPER.valueToTree(map) : null;
            if (root == null) {
                return new PolicyDocument(List.of());
            }
            List<Statement> statements = new ArrayList<>();
            for (JsonNode node : asArray(root.get("Statement"))) {
                statements.add(new Statement(
                        "allow".equalsIgnoreCase(node.path("Effect").asText()),
                        principals(node.get("Principal")),
                        lower(asArray(node.has("NotAction") ? node.get("NotAction") : node.get("Action"))),
                        node.has("NotAction"),
                        asArray(node.get("Resource")).stream().map(JsonNode::asText).toList(),
                        node.get("Condition")));
            }
            return new PolicyDocument(List.copyOf(statements));
        } catch (Exception e) {
            return new PolicyDocument(List.of());
        }
    }

    List<Statement> allows() {
        return statements.stream().filter(Statement::allow).toList();
    }

    /** An unconditional Allow to any principal of one of {@code actions}. */
    boolean grantsAnyone(Collection<String> actions) {
        return allows().stream().anyMatch(s -> s.anyone() && s.unconditional() && s.allowsAnyOf(actions));
    }

    /** An Allow to any principal, conditional or not, of anything at all (a trust policy, a key policy). */
    boolean grantsAnyoneUnconditionally() {
        return allows().stream().anyMatch(s -> s.anyone() && s.unconditional());
    }

    /** An Allow naming an AWS principal of an account other than {@code account} (unknown account: false). */
    boolean grantsAnotherAccount(String account) {
        if (account == null) {
            return false;
        }
        for (Statement statement : allows()) {
            for (String principal : statement.principals()) {
                var m = ACCOUNT_IN_ARN.matcher(principal);
                if (m.matches()) {
                    String owner = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!owner.equals(account)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {@code "Action": "*"} on {@code "Resource": "*"}: every permission there is. */
    boolean allowsEverythingOnEverything() {
        return allows().stream().anyMatch(s -> !s.notAction()
                && s.actions().stream().anyMatch(a -> a.equals("*") || a.equals("*:*"))
                && s.resources().contains("*"));
    }

    /** A Deny whose condition is {@code aws:SecureTransport = false}: requests over plain HTTP are refused. */
    boolean deniesInsecureTransport() {
        for (Statement statement : statements) {
            if (statement.allow() || statement.condition() == null) {
                continue;
            }
            for (JsonNode operator : statement.condition()) {
                var fields = operator.properties();
                for (var field : fields) {
                    if (field.getKey().equalsIgnoreCase("aws:SecureTransport")
                            && asArray(field.getValue()).stream().anyMatch(v -> v.asText().equalsIgnoreCase("false"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> principals(JsonNode principal) {
        if (principal == null) {
            return List.of();
        }
        if (principal.isTextual()) {
            return List.of(principal.asText());
        }
        List<String> all = new ArrayList<>();
        // "AWS": "*" is anyone; a service principal is AWS itself and never "anyone"
        for (JsonNode value : asArray(principal.get("AWS"))) {
            all.add(value.asText());
        }
        for (JsonNode value : asArray(principal.get("CanonicalUser"))) {
            all.add("canonical:" + value.asText());
        }
        return all;
    }

    private static List<JsonNode> asArray(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            node.forEach(values::add);
            return values;
        }
        return List.of(node);
    }

    private static List<String> lower(List<JsonNode> nodes) {
        return nodes.stream().map(n -> n.asText().toLowerCase(Locale.ROOT)).toList();
    }

    /** IAM's wildcard match: {@code *} any run of characters, {@code ?} one. Both sides are lower case. */
    static boolean matches(String pattern, String action) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(action);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return action.matches(regex.toString());
    }
}
