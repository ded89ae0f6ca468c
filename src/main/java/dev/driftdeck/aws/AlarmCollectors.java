package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;
import static dev.driftdeck.drift.Normalization.TAGS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftdeck.drift.LiveResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import dev.driftdeck.remediation.ImportIds;

/**
 * CloudWatch metric and composite alarms, per region, over the query protocol through {@link SignedRequests}: the
 * SDK's cloudwatch module speaks smithy-rpcv2-cbor, which moto 5.2.1 cannot answer, while AWS still serves the query
 * protocol (Version 2010-08-01) it was built on. DescribeAlarms pages 100 alarms of one type with their whole
 * configuration; tags cost one ListTagsForResource per managed alarm. Everything PutMetricAlarm and PutCompositeAlarm
 * (the console's edits) set is compared.
 */
final class AlarmCollectors {

    static final String ALARM = "aws_cloudwatch_metric_alarm";
    static final String COMPOSITE_ALARM = "aws_cloudwatch_composite_alarm";
    private static final int PAGE = 100;

    private AlarmCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(ALARM)
                .actions("cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource")
                .compare("actions_enabled", SCALAR).compare("alarm_actions", SET).compare("ok_actions", SET)
                .compare("insufficient_data_actions", SET).compare("alarm_description", STRING)
                .compare("comparison_operator", STRING).compare("evaluation_periods", SCALAR)
                .compare("datapoints_to_alarm", SCALAR).compare("threshold", SCALAR)
                .compare("threshold_metric_id", STRING).compare("metric_name", STRING).compare("namespace", STRING)
                .compare("dimensions", TAGS).compare("period", SCALAR).compare("statistic", STRING)
                .compare("extended_statistic", STRING).compare("unit", STRING).compare("treat_missing_data", STRING)
                .compare("evaluate_low_sample_count_percentiles", STRING).compare("metric_query", SET).compareTags()
                .notCompared(NotCompared.IDENTITY, "alarm_name")
                .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> alarms(ctx, ALARM, "MetricAlarm", AlarmCollectors::attributes)),
                CollectorDefinition.regional(COMPOSITE_ALARM)
                        .actions("cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource")
                        .compare("actions_enabled", SCALAR).compare("alarm_actions", SET).compare("ok_actions", SET)
                        .compare("insufficient_data_actions", SET).compare("alarm_description", STRING)
                        .compare("alarm_rule", STRING).compare("actions_suppressor", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "alarm_name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> alarms(ctx, COMPOSITE_ALARM, "CompositeAlarm",
                                AlarmCollectors::compositeAttributes)));
    }

    /** The alarms of one type ({@code MetricAlarm} or {@code CompositeAlarm}), in the response's list of that type. */
    private static List<LiveResource> alarms(CollectorContext ctx, String type, String alarmType,
                                             BiFunction<JsonNode, Map<String, Object>, Map<String, Object>> shape) {
        SignedRequests cloudwatch = ctx.session().signed(RawApi.CLOUDWATCH, ctx.region());
        List<JsonNode> pages = SignedRequests.pages(token -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("AlarmTypes.member.1", alarmType);
            params.put("MaxRecords", Integer.toString(PAGE));
            if (token != null) {
                params.put("NextToken", token);
            }
            return cloudwatch.query("DescribeAlarms", params);
        }, "NextToken");
        List<LiveResource> alarms = new ArrayList<>();
        for (JsonNode alarm : SignedRequests.items(pages, alarmType + "s")) {
            String name = alarm.path("AlarmName").asText();
            alarms.add(ctx.manages(type, name)
                    ? ctx.resource(type, name, shape.apply(alarm, tags(cloudwatch, alarm.path("AlarmArn").asText())))
                    : ctx.identityOnly(type, name));
        }
        return alarms;
    }

    /** In the provider's shape: the suppressor as one block (none when unset), its periods 0 when absent. */
    private static Map<String, Object> compositeAttributes(JsonNode alarm, Map<String, Object> tags) {
        String suppressor = RawShapes.text(alarm, "ActionsSuppressor");
        return Attributes.of()
                .put("actions_enabled", RawShapes.bool(alarm, "ActionsEnabled"))
                .put("alarm_actions", RawShapes.texts(alarm, "AlarmActions"))
                .put("ok_actions", RawShapes.texts(alarm, "OKActions"))
                .put("insufficient_data_actions", RawShapes.texts(alarm, "InsufficientDataActions"))
                .put("alarm_description", RawShapes.text(alarm, "AlarmDescription"))
                .put("alarm_rule", RawShapes.text(alarm, "AlarmRule"))
                .put("actions_suppressor", suppressor == null ? List.of() : List.of(Attributes.of()
                        .put("alarm", suppressor)
                        .put("extension_period", RawShapes.number(alarm, "ActionsSuppressorExtensionPeriod", 0))
                        .put("wait_period", RawShapes.number(alarm, "ActionsSuppressorWaitPeriod", 0))
                        .build()))
                .put("tags", tags)
                .build();
    }

    /** In the provider's shape: absent numbers 0, an unset treat_missing_data "missing" (AWS's default). */
    private static Map<String, Object> attributes(JsonNode alarm, Map<String, Object> tags) {
        Map<String, Object> dimensions = new LinkedHashMap<>();
        alarm.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
        String treatMissing = RawShapes.text(alarm, "TreatMissingData");
        return Attributes.of()
                .put("actions_enabled", RawShapes.bool(alarm, "ActionsEnabled"))
                .put("alarm_actions", RawShapes.texts(alarm, "AlarmActions"))
                .put("ok_actions", RawShapes.texts(alarm, "OKActions"))
                .put("insufficient_data_actions", RawShapes.texts(alarm, "InsufficientDataActions"))
                .put("alarm_description", RawShapes.text(alarm, "AlarmDescription"))
                .put("comparison_operator", RawShapes.text(alarm, "ComparisonOperator"))
                .put("evaluation_periods", RawShapes.number(alarm, "EvaluationPeriods", 0))
                .put("datapoints_to_alarm", RawShapes.number(alarm, "DatapointsToAlarm", 0))
                .put("threshold", RawShapes.number(alarm, "Threshold", 0))
                .put("threshold_metric_id", RawShapes.text(alarm, "ThresholdMetricId"))
                .put("metric_name", RawShapes.text(alarm, "MetricName"))
                .put("namespace", RawShapes.text(alarm, "Namespace"))
                .put("dimensions", dimensions)
                .put("period", RawShapes.number(alarm, "Period", 0))
                .put("statistic", RawShapes.text(alarm, "Statistic"))
                .put("extended_statistic", RawShapes.text(alarm, "ExtendedStatistic"))
                .put("unit", RawShapes.text(alarm, "Unit"))
                .put("treat_missing_data", treatMissing == null ? "missing" : treatMissing)
                .put("evaluate_low_sample_count_percentiles", RawShapes.text(alarm, "EvaluateLowSampleCountPercentile"))
                .put("metric_query", metricQueries(alarm.path("Metrics")))
                .put("tags", tags)
                .build();
    }

    /** Metric math and metric-stat queries as the provider's {@code metric_query} blocks. */
    private static List<Object> metricQueries(JsonNode metrics) {
        List<Object> queries = new ArrayList<>();
        for (JsonNode query : metrics) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("id", RawShapes.text(query, "Id"));
            block.put("account_id", RawShapes.text(query, "AccountId"));
            block.put("expression", RawShapes.text(query, "Expression"));
            block.put("label", RawShapes.text(query, "Label"));
            block.put("period", RawShapes.number(query, "Period", BigDecimal.ZERO));
            block.put("return_data", RawShapes.bool(query, "ReturnData"));
            JsonNode stat = query.path("MetricStat");
            if (stat.isObject()) {
                JsonNode metric = stat.path("Metric");
                Map<String, Object> dimensions = new LinkedHashMap<>();
                metric.path("Dimensions").forEach(d -> dimensions.put(d.path("Name").asText(), d.path("Value").asText()));
                Map<String, Object> inner = new LinkedHashMap<>();
                inner.put("dimensions", dimensions);
                inner.put("metric_name", RawShapes.text(metric, "MetricName"));
                inner.put("namespace", RawShapes.text(metric, "Namespace"));
                inner.put("period", RawShapes.number(stat, "Period", BigDecimal.ZERO));
                inner.put("stat", RawShapes.text(stat, "Stat"));
                inner.put("unit", RawShapes.text(stat, "Unit"));
                block.put("metric", List.of(inner));
            }
            queries.add(block);
        }
        return queries;
    }

    private static Map<String, Object> tags(SignedRequests cloudwatch, String arn) {
        return RawShapes.tags(cloudwatch.query("ListTagsForResource", Map.of("ResourceARN", arn)).path("Tags"));
    }
}
