package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * CloudWatch Logs groups and metric alarms, per region. DescribeLogGroups (not ListLogGroups, which moto answers
 * with HTTP 500) carries retention and key; log group tags cost one ListTagsForResource per managed group.
 */
final class MonitoringCollectors {

    static final String LOG_GROUP = "aws_cloudwatch_log_group";
    static final String METRIC_ALARM = "aws_cloudwatch_metric_alarm";

    private MonitoringCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(LOG_GROUP).actions("logs:DescribeLogGroups", "logs:ListTagsForResource")
                        .compare("retention_in_days", SCALAR).compare("kms_key_id", STRING).compareTags()
                        .listedBy(ctx -> ctx.session().logs(ctx.region()).describeLogGroupsPaginator().logGroups()
                                .stream()
                                .map(group -> !ctx.manages(LOG_GROUP, group.logGroupName())
                                        ? ctx.identityOnly(LOG_GROUP, group.logGroupName())
                                        : ctx.resource(LOG_GROUP, group.logGroupName(), Attributes.of()
                                                // Never expire: AWS omits retention, Terraform writes 0.
                                                .put("retention_in_days", group.retentionInDays() == null
                                                        ? 0 : group.retentionInDays())
                                                .put("kms_key_id", group.kmsKeyId())
                                                .put("tags", Map.copyOf(ctx.session().logs(ctx.region())
                                                        .listTagsForResource(r -> r.resourceArn(
                                                                withoutWildcard(group.arn()))).tags()))
                                                .build()))
                                .toList()),
                CollectorDefinition.regional(METRIC_ALARM).actions("cloudwatch:DescribeAlarms")
                        .compare("metric_name", STRING).compare("namespace", STRING)
                        .compare("comparison_operator", STRING).compare("threshold", SCALAR)
                        .compare("evaluation_periods", SCALAR).compare("period", SCALAR).compare("statistic", STRING)
                        .compare("alarm_actions", SET).compare("actions_enabled", SCALAR)
                        .listedBy(ctx -> ctx.session().cloudwatch(ctx.region()).describeAlarmsPaginator().metricAlarms()
                                .stream()
                                .map(alarm -> ctx.resource(METRIC_ALARM, alarm.alarmName(), alarm(alarm)))
                                .toList()));
    }

    private static Map<String, Object> alarm(MetricAlarm alarm) {
        return Attributes.of()
                .put("metric_name", alarm.metricName())
                .put("namespace", alarm.namespace())
                .put("comparison_operator", alarm.comparisonOperatorAsString())
                .put("threshold", alarm.threshold())
                .put("evaluation_periods", alarm.evaluationPeriods())
                .put("period", alarm.period())
                .put("statistic", alarm.statisticAsString())
                .put("alarm_actions", alarm.alarmActions())
                .put("actions_enabled", alarm.actionsEnabled())
                .build();
    }

    /** DescribeLogGroups answers {@code ...:log-group:name:*}; ListTagsForResource wants the ARN without {@code :*}. */
    private static String withoutWildcard(String arn) {
        return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    }
}
