package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/**
 * What an operator does in the console to the {@code fixtures/terraform/cwlogs} resources: edits, deletions and
 * hand-made additions; returns the findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class LogsFamilyDrift {

    private static final String APP_0 = "/driftdeck/app-0";
    private static final String APP_1 = "/driftdeck/app-1";
    static final String DATED_STREAM = "2026/12/07/[$LATEST]by-hand";

    private LogsFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        try (CloudWatchLogsClient logs = MotoClients.of(CloudWatchLogsClient.builder())) {
            // Metric filters: the pattern and the metric value edited, one deleted, one made by hand. moto appends
            // a second filter on PutMetricFilter where AWS replaces it, so the edit deletes the old one first.
            logs.deleteMetricFilter(r -> r.logGroupName(APP_0).filterName("errors-0"));
            logs.putMetricFilter(r -> r.logGroupName(APP_0).filterName("errors-0").filterPattern("WARN")
                    .metricTransformations(MetricTransformation.builder().metricName("Errors0")
                            .metricNamespace("Driftdeck/App").metricValue("2").defaultValue(0.0).unit("Count").build()));
            expected.addAll(List.of("CHANGED aws_cloudwatch_log_metric_filter.errors[0] pattern",
                    "CHANGED aws_cloudwatch_log_metric_filter.errors[0] metric_transformation"));
            logs.deleteMetricFilter(r -> r.logGroupName(APP_0).filterName("errors-1"));
            expected.add("MISSING aws_cloudwatch_log_metric_filter.errors[1]");
            logs.putMetricFilter(r -> r.logGroupName(APP_1).filterName("by-hand").filterPattern("FATAL")
                    .metricTransformations(MetricTransformation.builder().metricName("Fatal")
                            .metricNamespace("Driftdeck/App").metricValue("1").build()));
            expected.add("UNMANAGED aws_cloudwatch_log_metric_filter " + APP_1 + "/by-hand");

            // Streams: one deleted, one made by hand beside the managed ones (UNMANAGED), one in a group whose
            // streams Terraform does not manage (not listed: services write their own streams there).
            logs.deleteLogStream(r -> r.logGroupName(APP_0).logStreamName("stream-1"));
            expected.add("MISSING aws_cloudwatch_log_stream.s[1]");
            logs.createLogStream(r -> r.logGroupName(APP_0).logStreamName("by-hand"));
            expected.add("UNMANAGED aws_cloudwatch_log_stream " + APP_0 + "/by-hand");
            // Lambda names its streams by date: slashes in the stream's name as in the group's
            logs.createLogStream(r -> r.logGroupName(APP_0).logStreamName(DATED_STREAM));
            expected.add("UNMANAGED aws_cloudwatch_log_stream " + APP_0 + "/" + DATED_STREAM);
            logs.createLogStream(r -> r.logGroupName(APP_1).logStreamName("written-by-the-app"));

            // Subscription filters: the pattern edited, one deleted and another put on its group by hand.
            String sink = f.attribute("aws_lambda_function.sink", "arn");
            logs.putSubscriptionFilter(r -> r.logGroupName(APP_0).filterName("ship-0").filterPattern("WARN")
                    .destinationArn(sink));
            expected.add("CHANGED aws_cloudwatch_log_subscription_filter.ship[0] filter_pattern");
            logs.deleteSubscriptionFilter(r -> r.logGroupName(APP_1).filterName("ship-1"));
            expected.add("MISSING aws_cloudwatch_log_subscription_filter.ship[1]");
            logs.putSubscriptionFilter(r -> r.logGroupName(APP_1).filterName("by-hand").filterPattern("")
                    .destinationArn(sink));
            expected.add("UNMANAGED aws_cloudwatch_log_subscription_filter " + APP_1 + "/by-hand");
        }
        return expected;
    }
}
