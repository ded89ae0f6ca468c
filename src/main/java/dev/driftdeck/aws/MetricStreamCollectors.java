package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.driftdeck.remediation.ImportIds;

/**
 * CloudWatch metric streams, per region, over the query protocol like the alarms ({@link AlarmCollectors}).
 * ListMetricStreams pages 500 streams with their destination and format only; the filters, role and statistics cost
 * one GetMetricStream and tags one ListTagsForResource per managed stream.
 */
final class MetricStreamCollectors {

    static final String METRIC_STREAM = "aws_cloudwatch_metric_stream";
    private static final int PAGE = 500;

    private MetricStreamCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(METRIC_STREAM)
                .actions("cloudwatch:ListMetricStreams", "cloudwatch:GetMetricStream",
                        "cloudwatch:ListTagsForResource")
                .compare("firehose_arn", STRING).compare("role_arn", STRING).compare("output_format", STRING)
                .compare("include_filter", SET).compare("exclude_filter", SET)
                .compare("statistics_configuration", SET).compare("include_linked_accounts_metrics", SCALAR)
                .compareTags()
                .notCompared(NotCompared.IDENTITY, "name")
                .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                .importId(ImportIds.SAME_AS_ID).listedBy(MetricStreamCollectors::streams));
    }

    private static List<LiveResource> streams(CollectorContext ctx) {
        SignedRequests cloudwatch = ctx.session().signed(RawApi.CLOUDWATCH, ctx.region());
        List<JsonNode> pages = SignedRequests.pages(token -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("MaxResults", Integer.toString(PAGE));
            if (token != null) {
                params.put("NextToken", token);
            }
            return cloudwatch.query("ListMetricStreams", params);
        }, "NextToken");
        List<LiveResource> streams = new ArrayList<>();
        for (JsonNode entry : SignedRequests.items(pages, "Entries")) {
            String name = entry.path("Name").asText();
            if (!ctx.manages(METRIC_STREAM, name)) {
                streams.add(ctx.identityOnly(METRIC_STREAM, name));
                continue;
            }
            JsonNode stream = cloudwatch.query("GetMetricStream", Map.of("Name", name));
            Map<String, Object> tags = RawShapes.tags(cloudwatch.query("ListTagsForResource",
                    Map.of("ResourceARN", entry.path("Arn").asText())).path("Tags"));
            streams.add(ctx.resource(METRIC_STREAM, name, attributes(stream, tags)));
        }
        return streams;
    }

    /** In the provider's shape: filters and statistics as set blocks, their string sets sorted as Terraform keeps them. */
    private static Map<String, Object> attributes(JsonNode stream, Map<String, Object> tags) {
        List<Object> statistics = new ArrayList<>();
        stream.path("StatisticsConfigurations").forEach(configuration -> {
            List<Object> metrics = new ArrayList<>();
            configuration.path("IncludeMetrics").forEach(metric -> metrics.add(Attributes.of()
                    .put("metric_name", RawShapes.text(metric, "MetricName"))
                    .put("namespace", RawShapes.text(metric, "Namespace"))
                    .build()));
            statistics.add(Attributes.of()
                    .put("additional_statistics", sorted(RawShapes.texts(configuration, "AdditionalStatistics")))
                    .put("include_metric", metrics)
                    .build());
        });
        return Attributes.of()
                .put("firehose_arn", RawShapes.text(stream, "FirehoseArn"))
                .put("role_arn", RawShapes.text(stream, "RoleArn"))
                .put("output_format", RawShapes.text(stream, "OutputFormat"))
                .put("include_filter", filters(stream.path("IncludeFilters")))
                .put("exclude_filter", filters(stream.path("ExcludeFilters")))
                .put("statistics_configuration", statistics)
                .put("include_linked_accounts_metrics", RawShapes.bool(stream, "IncludeLinkedAccountsMetrics"))
                .put("tags", tags)
                .build();
    }

    private static List<Object> filters(JsonNode filters) {
        List<Object> blocks = new ArrayList<>();
        filters.forEach(filter -> blocks.add(Attributes.of()
                .put("namespace", RawShapes.text(filter, "Namespace"))
                .put("metric_names", sorted(RawShapes.texts(filter, "MetricNames")))
                .build()));
        return blocks;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
