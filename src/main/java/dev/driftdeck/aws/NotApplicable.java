package dev.driftdeck.aws;

import java.util.Map;

/**
 * Settings AWS reports only for some kinds of a resource: an ALB has no {@code proxy_protocol_v2}, an NLB no
 * {@code idle_timeout}, yet the provider writes its schema default for them into the state. Where AWS returns nothing
 * for such a setting there is nothing live to compare, so the state's own value stands in for it (the provider's read
 * leaves it alone just the same) rather than reading as drift.
 */
final class NotApplicable {

    private NotApplicable() {
    }

    /** The state's value of {@code attribute} for the managed resource, or null when no state holds it. */
    static Object stateValue(CollectorContext ctx, String type, String id, String attribute) {
        Map<String, Object> state = ctx.managed().resources(type).get(id);
        return state == null ? null : state.get(attribute);
    }

    /** {@code live} when AWS returned it, else the state's value (see the class comment). */
    static Object orState(Object live, CollectorContext ctx, String type, String id, String attribute) {
        return live != null ? live : stateValue(ctx, type, id, attribute);
    }
}
