package dev.driftdeck.aws;

import dev.driftdeck.testing.DriftLines;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Composite alarms and metric streams. moto 5.2.1 has no PutCompositeAlarm (Terraform cannot create one on it) and
 * none of the metric stream actions, so WireMock answers DescribeAlarms, ListMetricStreams, GetMetricStream and
 * ListTagsForResource with the query-protocol XML the CloudWatch API reference documents, and states in the provider
 * 5.100.0 schema's shape are reconciled with what the collectors make of it: each type has one resource in sync, one
 * edited in the console, one deleted and one made by hand.
 */
class CloudWatchWireMockTest {

    private static final String XMLNS = " xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"";
    private static final String ALARM_ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:";
    private static final String STREAM_ARN = "arn:aws:cloudwatch:us-east-1:123456789012:metric-stream/";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:oncall";
    private static final String FIREHOSE = "arn:aws:firehose:us-east-1:123456789012:deliverystream/metrics";
    private static final String ROLE = "arn:aws:iam::123456789012:role/metric-stream";
    private static final String RULE = "ALARM(\"api-5xx\") OR ALARM(\"api-latency\")";

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        // Composite alarms: "site-slow" had its rule widened and its actions turned off in the console.
        stub(action("DescribeAlarms").withRequestBody(containing("AlarmTypes.member.1=CompositeAlarm")),
                "<DescribeAlarmsResponse" + XMLNS + "><DescribeAlarmsResult><MetricAlarms/><CompositeAlarms>"
                        + composite("site-down", RULE, true, "<ActionsSuppressor>maintenance</ActionsSuppressor>"
                        + "<ActionsSuppressorWaitPeriod>120</ActionsSuppressorWaitPeriod>"
                        + "<ActionsSuppressorExtensionPeriod>60</ActionsSuppressorExtensionPeriod>")
                        + composite("site-slow", RULE + " OR ALARM(\"db-latency\")", false, "")
                        + composite("by-hand", "ALARM(\"db-latency\")", true, "")
                        + "</CompositeAlarms></DescribeAlarmsResult></DescribeAlarmsResponse>");
        // Metric streams: "ec2-only" switched to OpenTelemetry and given one more metric name in the console.
        stub(action("ListMetricStreams"), "<ListMetricStreamsResponse" + XMLNS + "><ListMetricStreamsResult><Entries>"
                + entry("all-metrics") + entry("ec2-only") + entry("by-hand")
                + "</Entries></ListMetricStreamsResult></ListMetricStreamsResponse>");
        stub(action("GetMetricStream").withRequestBody(containing("Name=all-metrics")), stream("all-metrics",
                "json", "<ExcludeFilters><member><Namespace>AWS/Usage</Namespace><MetricNames/></member>"
                        + "</ExcludeFilters><StatisticsConfigurations><member><IncludeMetrics><member>"
                        + "<Namespace>AWS/EC2</Namespace><MetricName>CPUUtilization</MetricName></member>"
                        + "</IncludeMetrics><AdditionalStatistics><member>p99</member><member>p50</member>"
                        + "</AdditionalStatistics></member></StatisticsConfigurations>"));
        stub(action("GetMetricStream").withRequestBody(containing("Name=ec2-only")), stream("ec2-only",
                "opentelemetry1.0", "<IncludeFilters><member><Namespace>AWS/EC2</Namespace><MetricNames>"
                        + "<member>NetworkIn</member><member>CPUUtilization</member></MetricNames></member>"
                        + "</IncludeFilters>"));
        stub(action("ListTagsForResource").withRequestBody(containing("site-slow")), tags("Team", "web"));
        stub(action("ListTagsForResource").withRequestBody(containing("all-metrics")), tags("Team", "obs"));
        stub(action("ListTagsForResource").atPriority(10), tags("ManagedBy", "terraform"));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void consoleEditsDeletionsAndHandMadeOnesAreReportedExactly() {
        Map<String, Finding> findings = reconcile();
        TreeSet<String> drift = DriftLines.of(findings);

        assertThat(drift).containsExactly(
                "CHANGED aws_cloudwatch_composite_alarm.site_slow actions_enabled",
                "CHANGED aws_cloudwatch_composite_alarm.site_slow alarm_rule",
                "CHANGED aws_cloudwatch_metric_stream.ec2_only include_filter",
                "CHANGED aws_cloudwatch_metric_stream.ec2_only output_format",
                "MISSING aws_cloudwatch_composite_alarm.deleted",
                "MISSING aws_cloudwatch_metric_stream.deleted",
                "UNMANAGED aws_cloudwatch_composite_alarm by-hand",
                "UNMANAGED aws_cloudwatch_metric_stream by-hand");
        assertThat(findings).hasSize(8);
    }

    @Test
    void eachListingIsOneCallAtItsPageFloorAndHandMadeOnesCostNoDetailCall() {
        reconcile();

        aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(
                "Action=DescribeAlarms&Version=2010-08-01&AlarmTypes.member.1=CompositeAlarm&MaxRecords=100")));
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(
                "Action=ListMetricStreams&Version=2010-08-01&MaxResults=500")));
        aws.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricStream")));
        aws.verify(4, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ListTagsForResource")));
        aws.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("by-hand")));
    }

    private static MappingBuilder action(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    private void stub(MappingBuilder request, String xml) {
        aws.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(xml)));
    }

    private static String composite(String name, String rule, boolean actionsEnabled, String suppressor) {
        return "<member><AlarmName>" + name + "</AlarmName><AlarmArn>" + ALARM_ARN + name + "</AlarmArn>"
                + "<AlarmDescription>Site health</AlarmDescription><AlarmRule>" + xml(rule) + "</AlarmRule>"
                + "<ActionsEnabled>" + actionsEnabled + "</ActionsEnabled><AlarmActions><member>" + TOPIC
                + "</member></AlarmActions><OKActions/><InsufficientDataActions/><StateValue>OK</StateValue>"
                + suppressor + "</member>";
    }

    private static String entry(String name) {
        return "<member><Arn>" + STREAM_ARN + name + "</Arn><Name>" + name + "</Name><FirehoseArn>" + FIREHOSE
                + "</FirehoseArn><State>running</State><OutputFormat>json</OutputFormat>"
                + "<CreationDate>2024-01-01T00:00:00Z</CreationDate></member>";
    }

    private static String stream(String name, String format, String filters) {
        return "<GetMetricStreamResponse" + XMLNS + "><GetMetricStreamResult><Arn>" + STREAM_ARN + name + "</Arn>"
                + "<Name>" + name + "</Name>" + filters + "<FirehoseArn>" + FIREHOSE + "</FirehoseArn><RoleArn>" + ROLE
                + "</RoleArn><State>running</State><CreationDate>2024-01-01T00:00:00Z</CreationDate>"
                + "<LastUpdateDate>2024-01-01T00:00:00Z</LastUpdateDate><OutputFormat>" + format + "</OutputFormat>"
                + "<IncludeLinkedAccountsMetrics>false</IncludeLinkedAccountsMetrics>"
                + "</GetMetricStreamResult></GetMetricStreamResponse>";
    }

    private static String tags(String key, String value) {
        return "<ListTagsForResourceResponse" + XMLNS + "><ListTagsForResourceResult><Tags><member><Key>" + key
                + "</Key><Value>" + value + "</Value></member></Tags></ListTagsForResourceResult>"
                + "</ListTagsForResourceResponse>";
    }

    private static String xml(String text) {
        return text.replace("\"", "&quot;");
    }

    private Map<String, Finding> reconcile() {
        StateSnapshot state = state();
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        List<ListingOutcome> outcomes = new ArrayList<>();
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            for (String type : List.of(AlarmCollectors.COMPOSITE_ALARM, MetricStreamCollectors.METRIC_STREAM)) {
                outcomes.add(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION, type),
                        Collectors.forType(type).orElseThrow().list(new CollectorContext(session, MotoAws.ACCOUNT,
                                MotoAws.REGION, false, managed))));
            }
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /** The states provider 5.100.0 writes (every schema attribute, unset ones empty) for what was applied. */
    private static StateSnapshot state() {
        List<StateResource> resources = new ArrayList<>();
        resources.add(composite("site_down", "site-down", Map.of("alarm", "maintenance", "extension_period", 60,
                "wait_period", 120), Map.of("ManagedBy", "terraform")));
        resources.add(composite("site_slow", "site-slow", null, Map.of("Team", "web")));
        resources.add(composite("deleted", "deleted", null, Map.of()));
        resources.add(stream("all_metrics", "all-metrics", List.of(), List.of(Map.of("namespace", "AWS/Usage",
                "metric_names", List.of())), List.of(Map.of("additional_statistics", List.of("p50", "p99"),
                "include_metric", List.of(Map.of("metric_name", "CPUUtilization", "namespace", "AWS/EC2")))),
                Map.of("Team", "obs")));
        resources.add(stream("ec2_only", "ec2-only", List.of(Map.of("namespace", "AWS/EC2",
                "metric_names", List.of("CPUUtilization"))), List.of(), List.of(), Map.of("ManagedBy", "terraform")));
        resources.add(stream("deleted", "deleted", List.of(), List.of(), List.of(), Map.of()));
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", resources);
    }

    private static StateResource composite(String address, String name, Map<String, Object> suppressor,
                                           Map<String, Object> tags) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("id", name);
        attributes.put("alarm_name", name);
        attributes.put("arn", ALARM_ARN + name);
        attributes.put("alarm_description", "Site health");
        attributes.put("alarm_rule", RULE);
        attributes.put("actions_enabled", true);
        attributes.put("alarm_actions", List.of(TOPIC));
        attributes.put("ok_actions", List.of());
        attributes.put("insufficient_data_actions", List.of());
        attributes.put("actions_suppressor", suppressor == null ? List.of() : List.of(suppressor));
        attributes.put("tags", Map.of());
        attributes.put("tags_all", tags);
        String type = AlarmCollectors.COMPOSITE_ALARM;
        return new StateResource(type + "." + address, "", type, address, name, "hand.tfstate", attributes);
    }

    private static StateResource stream(String address, String name, List<Object> include, List<Object> exclude,
                                        List<Object> statistics, Map<String, Object> tags) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("id", name);
        attributes.put("name", name);
        attributes.put("name_prefix", "");
        attributes.put("arn", STREAM_ARN + name);
        attributes.put("firehose_arn", FIREHOSE);
        attributes.put("role_arn", ROLE);
        attributes.put("output_format", "json");
        attributes.put("include_filter", include);
        attributes.put("exclude_filter", exclude);
        attributes.put("statistics_configuration", statistics);
        attributes.put("include_linked_accounts_metrics", false);
        attributes.put("state", "running");
        attributes.put("tags", Map.of());
        attributes.put("tags_all", tags);
        String type = MetricStreamCollectors.METRIC_STREAM;
        return new StateResource(type + "." + address, "", type, address, name, "hand.tfstate", attributes);
    }
}
