package dev.driftdeck.risk;

import java.util.Map;

/**
 * One side of a resource as a rule sees it.
 *
 * @param type       Terraform type
 * @param account    the account the resource lives in, when known (to tell another account's principal)
 * @param attributes the attributes in Terraform's shapes; {@code null} when the resource does not exist on this side
 */
public record RuleInput(String type, String account, Map<String, Object> attributes) {

    public boolean absent() {
        return attributes == null;
    }

    public Object get(String name) {
        return attributes == null ? null : attributes.get(name);
    }
}
