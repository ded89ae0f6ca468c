package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.SubscriptionFilter;
import dev.driftdeck.remediation.ImportIds;

/**
 * What lives inside a CloudWatch Logs group, per region: metric filters (DescribeMetricFilters lists the whole region,
 * 50 a page), log streams and subscription filters (their APIs list one group at a time, so only the groups a state
 * manages are listed, see {@link #groupsOf}). Names are unique within a group only, so all three match on
 * {@code log_group_name/name}, the two parts {@code terraform import} takes.
 */
final class LogChildCollectors {

    static final String METRIC_FILTER = "aws_cloudwatch_log_metric_filter";
    static final String STREAM = "aws_cloudwatch_log_stream";
    static final String SUBSCRIPTION_FILTER = "aws_cloudwatch_log_subscription_filter";
    private static final int PAGE = 50;

    private LogChildCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(METRIC_FILTER).actions("logs:DescribeMetricFilters")
                        .idFrom("log_group_name", "name")
                        .compare("pattern", STRING).compare("metric_transformation", SET)
                        .notCompared(NotCompared.IDENTITY, "log_group_name", "name")
                        .importId(ImportIds.computed("LOGGROUPNAME:NAME", live -> ImportIdsOf.afterParent(live, "log_group_name", ":"))).listedBy(LogChildCollectors::metricFilters),
                CollectorDefinition.regional(STREAM).actions("logs:DescribeLogStreams")
                        .idFrom("log_group_name", "name")
                        .notCompared(NotCompared.IDENTITY, "log_group_name", "name")
                        .importId(ImportIds.computed("LOGGROUPNAME:NAME", live -> ImportIdsOf.afterParent(live, "log_group_name", ":"))).listedBy(LogChildCollectors::streams),
                CollectorDefinition.regional(SUBSCRIPTION_FILTER).actions("logs:DescribeSubscriptionFilters")
                        .idFrom("log_group_name", "name")
                        .compare("destination_arn", STRING).compare("filter_pattern", STRING)
                        .compare("distribution", STRING).compare("role_arn", STRING)
                        .notCompared(NotCompared.IDENTITY, "log_group_name", "name")
                        .importId(ImportIds.computed("LOGGROUPNAME|FILTERNAME", live -> ImportIdsOf.afterParent(live, "log_group_name", "|"))).listedBy(LogChildCollectors::subscriptionFilters));
    }

    private static List<LiveResource> metricFilters(CollectorContext ctx) {
        List<LiveResource> filters = new ArrayList<>();
        for (MetricFilter filter : logs(ctx).describeMetricFiltersPaginator(r -> r.limit(PAGE)).metricFilters()) {
            String id = filter.logGroupName() + "/" + filter.filterName();
            filters.add(!ctx.manages(METRIC_FILTER, id) ? unmanagedIn(ctx, METRIC_FILTER, id, filter.logGroupName())
                    : ctx.resource(METRIC_FILTER, id, Attributes.of()
                            .put("pattern", filter.filterPattern())
                            .put("metric_transformation", filter.metricTransformations().stream()
                                    .map(LogChildCollectors::transformation).toList())
                            .build()));
        }
        return filters;
    }

    /** In the provider's shape: the default value as its shortest decimal text ("" when unset), unit "None" when unset. */
    private static Map<String, Object> transformation(MetricTransformation t) {
        return Attributes.of()
                .put("name", t.metricName())
                .put("namespace", t.metricNamespace())
                .put("value", t.metricValue())
                .put("default_value", t.defaultValue() == null ? ""
                        : BigDecimal.valueOf(t.defaultValue()).stripTrailingZeros().toPlainString())
                .put("dimensions", Map.copyOf(t.dimensions()))
                .put("unit", t.unit() == null ? "None" : t.unitAsString())
                .build();
    }

    /** Streams of the groups that hold a managed stream: there, any other stream was made outside Terraform. */
    private static List<LiveResource> streams(CollectorContext ctx) {
        List<LiveResource> streams = new ArrayList<>();
        for (String group : groupsOf(ctx, STREAM, false)) {
            inGroup(group, name -> logs(ctx).describeLogStreamsPaginator(r -> r.logGroupName(name).limit(PAGE))
                    .logStreams().stream().map(stream -> {
                        String id = group + "/" + stream.logStreamName();
                        return ctx.manages(STREAM, id) ? ctx.resource(STREAM, id, Map.of()) : unmanagedIn(ctx, STREAM, id, group);
                    }).toList(), streams);
        }
        return streams;
    }

    private static List<LiveResource> subscriptionFilters(CollectorContext ctx) {
        List<LiveResource> filters = new ArrayList<>();
        for (String group : groupsOf(ctx, SUBSCRIPTION_FILTER, true)) {
            inGroup(group, name -> logs(ctx).describeSubscriptionFiltersPaginator(r -> r.logGroupName(name))
                    .subscriptionFilters().stream().map(filter -> subscriptionFilter(ctx, filter)).toList(), filters);
        }
        return filters;
    }

    private static LiveResource subscriptionFilter(CollectorContext ctx, SubscriptionFilter filter) {
        String id = filter.logGroupName() + "/" + filter.filterName();
        return !ctx.manages(SUBSCRIPTION_FILTER, id) ? unmanagedIn(ctx, SUBSCRIPTION_FILTER, id, filter.logGroupName())
                : ctx.resource(SUBSCRIPTION_FILTER, id, Attributes.of()
                        .put("destination_arn", filter.destinationArn())
                        .put("filter_pattern", filter.filterPattern())
                        .put("distribution", filter.distributionAsString())
                        .put("role_arn", filter.roleArn())
                        .build());
    }

    /** Unmanaged, with its group: both the group and the name may hold {@code /}, so the id alone cannot split. */
    private static LiveResource unmanagedIn(CollectorContext ctx, String type, String id, String group) {
        return ctx.identityOnly(type, id, Map.of("log_group_name", group));
    }

    /**
     * The log groups to list a child type in: those of the type's managed resources, and with {@code withManagedGroups}
     * every group a state manages as {@code aws_cloudwatch_log_group} (a subscription filter added by hand to a
     * managed group ships its logs elsewhere: UNMANAGED). Groups nobody manages are not listed, as a region's Lambda
     * and container groups can number thousands, with streams written by the services themselves.
     */
    private static Set<String> groupsOf(CollectorContext ctx, String type, boolean withManagedGroups) {
        Set<String> groups = new TreeSet<>();
        ctx.managed().resources(type).values().forEach(state -> groups.add(String.valueOf(state.get("log_group_name"))));
        if (withManagedGroups) {
            groups.addAll(ctx.managed().ids(MonitoringCollectors.LOG_GROUP));
        }
        return groups;
    }

    /** A group deleted out of band holds nothing any more: its children read MISSING, the listing still succeeded. */
    private static void inGroup(String group, Function<String, List<LiveResource>> listing, List<LiveResource> into) {
        try {
            into.addAll(listing.apply(group));
        } catch (ResourceNotFoundException deleted) {
            // nothing to add
        }
    }

    private static CloudWatchLogsClient logs(CollectorContext ctx) {
        return ctx.session().logs(ctx.region());
    }
}
