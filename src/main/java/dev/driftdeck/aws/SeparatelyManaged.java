package dev.driftdeck.aws;

import java.util.Map;

/**
 * A parent's Optional+Computed copy of a setting Terraform can also manage as its own resource
 * ({@code aws_sqs_queue.policy} and {@code aws_sqs_queue_policy}, {@code aws_sns_topic.policy} and
 * {@code aws_sns_topic_policy}...). Where a state manages that separate resource, it is the one that compares the
 * setting: the parent's copy in state is stale until the next refresh (the parent was read before the separate
 * resource was applied), and reporting both would name the same change twice. There the parent's value is its own
 * state value, so it never differs; everywhere else the parent compares the live value, as
 * {@code terraform plan -refresh-only} does.
 */
final class SeparatelyManaged {

    private SeparatelyManaged() {
    }

    /**
     * {@code live}, or the parent's own state value of {@code attribute} when {@code separate} (a state manages
     * the setting as its own resource).
     */
    static Object orStateValue(CollectorContext ctx, String parentType, String parentId, String attribute,
                               boolean separate, Object live) {
        if (!separate) {
            return live;
        }
        Map<String, Object> state = ctx.managed().resources(parentType).get(parentId);
        return state == null ? live : state.get(attribute);
    }
}
