package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import dev.driftdeck.remediation.ImportIds;

/**
 * CloudWatch Logs groups, per region (metric alarms: {@link AlarmCollectors}). DescribeLogGroups (not ListLogGroups, which moto answers
 * with HTTP 500) carries retention and key; log group tags cost one ListTagsForResource per managed group.
 */
final class MonitoringCollectors {

    static final String LOG_GROUP = "aws_cloudwatch_log_group";
    private static final int LOG_GROUP_PAGE = 50;

    private MonitoringCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(LOG_GROUP).actions("logs:DescribeLogGroups", "logs:ListTagsForResource")
                        .compare("retention_in_days", SCALAR).compare("kms_key_id", STRING).compareTags()
                        .compare("log_group_class", STRING)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "skip_destroy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> logGroups(ctx).stream()
                                .map(group -> !ctx.manages(LOG_GROUP, group.logGroupName())
                                        ? ctx.identityOnly(LOG_GROUP, group.logGroupName())
                                        : ctx.resource(LOG_GROUP, group.logGroupName(), Attributes.of()
                                                // Never expire: AWS omits retention, Terraform writes 0.
                                                .put("retention_in_days", group.retentionInDays() == null
                                                        ? 0 : group.retentionInDays())
                                                .put("kms_key_id", group.kmsKeyId())
                                                .put("log_group_class", group.logGroupClassAsString())
                                                .put("tags", Map.copyOf(ctx.session().logs(ctx.region())
                                                        .listTagsForResource(r -> r.resourceArn(
                                                                withoutWildcard(group.arn()))).tags()))
                                                .build()))
                                .toList()));

    }

    /**
     * The region's log groups, listed once per session (50 a page, the API's most) for the log group type and the
     * data protection policies ({@link LogPolicyCollectors}), which DescribeLogGroups flags.
     */
    static List<LogGroup> logGroups(CollectorContext ctx) {
        return ctx.session().shared("logs:loggroups:" + ctx.region(), () -> ctx.session().logs(ctx.region())
                .describeLogGroupsPaginator(r -> r.limit(LOG_GROUP_PAGE)).logGroups().stream().toList());
    }

    /** DescribeLogGroups answers {@code ...:log-group:name:*}; ListTagsForResource wants the ARN without {@code :*}. */
    private static String withoutWildcard(String arn) {
        return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    }
}
