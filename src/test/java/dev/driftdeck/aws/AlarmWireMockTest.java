package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A metric-math alarm ({@code metric_query}) and DescribeAlarms paging, which the coverage fixture's two simple alarms
 * on moto do not reach (moto ignores MaxRecords and never pages): WireMock answers with the query-protocol XML the
 * CloudWatch API reference documents for DescribeAlarms and ListTagsForResource, and a state in the provider 5.100.0
 * schema's shape is reconciled with what the collector makes of it.
 */
class AlarmWireMockTest {

    private static final String XMLNS = " xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"";
    private static final String ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:";

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        aws.stubFor(post(urlEqualTo("/")).atPriority(5).withRequestBody(containing("Action=DescribeAlarms"))
                .willReturn(xml("<DescribeAlarmsResponse" + XMLNS + "><DescribeAlarmsResult><MetricAlarms><member>"
                        + "<AlarmName>error-rate</AlarmName><AlarmArn>" + ARN + "error-rate</AlarmArn>"
                        + "<ActionsEnabled>true</ActionsEnabled><AlarmActions><member>arn:aws:sns:us-east-1:123456789012:"
                        + "oncall</member></AlarmActions><OKActions/><InsufficientDataActions/>"
                        + "<StateValue>OK</StateValue><EvaluationPeriods>3</EvaluationPeriods>"
                        + "<DatapointsToAlarm>2</DatapointsToAlarm><Threshold>5.0</Threshold>"
                        + "<ComparisonOperator>GreaterThanThreshold</ComparisonOperator>"
                        + "<TreatMissingData>notBreaching</TreatMissingData><Dimensions/>"
                        + "<Metrics><member><Id>rate</Id><Expression>errors / requests * 100</Expression>"
                        + "<Label>Error rate</Label><ReturnData>true</ReturnData></member>"
                        + "<member><Id>errors</Id><MetricStat><Metric><Namespace>AWS/ApplicationELB</Namespace>"
                        + "<MetricName>HTTPCode_Target_5XX_Count</MetricName><Dimensions><member><Name>LoadBalancer"
                        + "</Name><Value>app/web/1</Value></member></Dimensions></Metric><Period>60</Period>"
                        + "<Stat>Sum</Stat></MetricStat><ReturnData>false</ReturnData></member>"
                        + "<member><Id>requests</Id><MetricStat><Metric><Namespace>AWS/ApplicationELB</Namespace>"
                        + "<MetricName>RequestCount</MetricName><Dimensions><member><Name>LoadBalancer</Name>"
                        + "<Value>app/web/1</Value></member></Dimensions></Metric><Period>60</Period><Stat>Sum</Stat>"
                        + "</MetricStat><ReturnData>false</ReturnData></member></Metrics>"
                        + "</member></MetricAlarms><CompositeAlarms/><NextToken>page-2</NextToken></DescribeAlarmsResult>"
                        + "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></DescribeAlarmsResponse>")));
        aws.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("NextToken=page-2"))
                .willReturn(xml("<DescribeAlarmsResponse" + XMLNS + "><DescribeAlarmsResult><MetricAlarms><member>"
                        + "<AlarmName>by-hand</AlarmName><AlarmArn>" + ARN + "by-hand</AlarmArn>"
                        + "<MetricName>CPUUtilization</MetricName><Namespace>AWS/EC2</Namespace><Statistic>Average"
                        + "</Statistic><Period>300</Period><EvaluationPeriods>1</EvaluationPeriods><Threshold>90.0"
                        + "</Threshold><ComparisonOperator>GreaterThanThreshold</ComparisonOperator></member>"
                        + "</MetricAlarms></DescribeAlarmsResult></DescribeAlarmsResponse>")));
        aws.stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("Action=ListTagsForResource"))
                .willReturn(xml("<ListTagsForResourceResponse" + XMLNS + "><ListTagsForResourceResult><Tags><member>"
                        + "<Key>Team</Key><Value>web</Value></member></Tags></ListTagsForResourceResult>"
                        + "</ListTagsForResourceResponse>")));
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void aMetricMathAlarmAsTheProviderWritesItIsInSyncAndTheNextPageIsListed() {
        Map<String, Finding> findings = reconcile(state("errors / requests * 100"));

        TreeSet<String> statuses = new TreeSet<>();
        findings.forEach((who, finding) -> statuses.add(finding.status() + " " + who + " " + finding.diffs()));
        assertThat(statuses).containsExactly("IN_SYNC aws_cloudwatch_metric_alarm.error_rate []",
                "UNMANAGED aws_cloudwatch_metric_alarm by-hand []");
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(
                "Action=DescribeAlarms&Version=2010-08-01&AlarmTypes.member.1=MetricAlarm&MaxRecords=100")));
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=ListTagsForResource")));
    }

    @Test
    void anEditedExpressionIsAChangedMetricQuery() {
        Map<String, Finding> findings = reconcile(state("errors / requests"));

        assertThat(findings.get("aws_cloudwatch_metric_alarm.error_rate").diffs())
                .extracting(diff -> diff.dottedPath()).containsExactly("metric_query");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    private Map<String, Finding> reconcile(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        String type = AlarmCollectors.ALARM;
        List<ListingOutcome> outcomes;
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            outcomes = List.of(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION, type),
                    Collectors.forType(type).orElseThrow().list(
                            new CollectorContext(session, MotoAws.ACCOUNT, MotoAws.REGION, false, managed))));
        }
        Map<String, Finding> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f));
        return byWho;
    }

    /** The state provider 5.100.0 writes for the metric-math alarm (unset fields empty, numbers 0). */
    private static StateSnapshot state(String expression) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("id", "error-rate");
        attributes.put("alarm_name", "error-rate");
        attributes.put("arn", ARN + "error-rate");
        attributes.put("actions_enabled", true);
        attributes.put("alarm_actions", List.of("arn:aws:sns:us-east-1:123456789012:oncall"));
        attributes.put("ok_actions", List.of());
        attributes.put("insufficient_data_actions", List.of());
        attributes.put("alarm_description", "");
        attributes.put("comparison_operator", "GreaterThanThreshold");
        attributes.put("evaluation_periods", 3);
        attributes.put("datapoints_to_alarm", 2);
        attributes.put("threshold", 5);
        attributes.put("threshold_metric_id", "");
        attributes.put("metric_name", "");
        attributes.put("namespace", "");
        attributes.put("dimensions", null);
        attributes.put("period", 0);
        attributes.put("statistic", "");
        attributes.put("extended_statistic", "");
        attributes.put("unit", "");
        attributes.put("treat_missing_data", "notBreaching");
        attributes.put("evaluate_low_sample_count_percentiles", "");
        attributes.put("tags", Map.of("Team", "web"));
        attributes.put("tags_all", Map.of("Team", "web"));
        attributes.put("metric_query", List.of(
                Map.of("id", "rate", "expression", expression, "label", "Error rate", "return_data", true,
                        "account_id", "", "period", 0, "metric", List.of()),
                query("errors", "HTTPCode_Target_5XX_Count"), query("requests", "RequestCount")));
        StateResource alarm = new StateResource("aws_cloudwatch_metric_alarm.error_rate", "", AlarmCollectors.ALARM,
                "error_rate", "error-rate", "hand.tfstate", attributes);
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", List.of(alarm));
    }

    private static Map<String, Object> query(String id, String metricName) {
        return Map.of("id", id, "expression", "", "label", "", "return_data", false, "account_id", "", "period", 0,
                "metric", List.of(Map.of("dimensions", Map.of("LoadBalancer", "app/web/1"), "metric_name", metricName,
                        "namespace", "AWS/ApplicationELB", "period", 60, "stat", "Sum", "unit", "")));
    }
}
