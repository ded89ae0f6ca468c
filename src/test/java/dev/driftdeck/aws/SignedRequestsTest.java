package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.testing.MotoClients;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The signed-request client against WireMock answering as AWS does (error bodies of each protocol as the API
 * references document them): requests are SigV4-signed for the API's signing name, throttling is retried with the
 * SDK's strategy, and failures come out as the SDK's exceptions, which {@link ListingFailures} classifies as it does
 * an SDK client's. A real AWS endpoint cannot be made to throttle or deny on demand, hence WireMock.
 */
class SignedRequestsTest {

    private static final String QUERY_ERROR = "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
            + "<Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>"
            + "<RequestId>b2f1c5e0-0000-4000-8000-000000000000</RequestId></ErrorResponse>";

    private WireMockServer aws;
    private AwsSession session;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        session = AwsSession.open(new AwsTarget(null, "eu-west-1", aws.baseUrl()), MotoClients.CREDENTIALS,
                new SessionOptions(3, Duration.ofSeconds(2), Duration.ofSeconds(20)));
    }

    @AfterEach
    void stop() {
        session.close();
        aws.stop();
    }

    @Test
    void aQueryCallIsSignedForItsServiceCountedAndReadIntoJson() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                "<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><DescribeAlarmsResult>"
                        + "<MetricAlarms><member><AlarmName>cpu</AlarmName><Threshold>80.0</Threshold>"
                        + "<Dimensions><member><Name>InstanceId</Name><Value>i-1</Value></member></Dimensions>"
                        + "<OKActions/></member></MetricAlarms><NextToken>t2</NextToken></DescribeAlarmsResult>"
                        + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeAlarmsResponse>")));

        JsonNode result = session.signed(RawApi.CLOUDWATCH, "eu-west-1").query("DescribeAlarms",
                Map.of("MaxRecords", "100"));

        assertThat(result.path("NextToken").asText()).isEqualTo("t2");
        JsonNode alarm = result.path("MetricAlarms").get(0);
        assertThat(alarm.path("AlarmName").asText()).isEqualTo("cpu");
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(80.0);
        assertThat(alarm.path("Dimensions").get(0).path("Value").asText()).isEqualTo("i-1");
        assertThat(alarm.path("OKActions")).isEmpty();
        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=testing/\\d{8}/eu-west-1/monitoring/"
                        + "aws4_request, SignedHeaders=.*host.*x-amz-date.*, Signature=[0-9a-f]{64}"))
                .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
                .withRequestBody(equalTo("Action=DescribeAlarms&Version=2010-08-01&MaxRecords=100")));
        assertThat(session.counter().operations()).containsExactly("cloudwatch:DescribeAlarms");
    }

    @Test
    void jsonAndRestCallsCarryTheirTargetAndPath() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSWAF_20190729.ListWebACLs"))
                .willReturn(aResponse().withStatus(200).withBody("{\"WebACLs\":[{\"Name\":\"a\"}]}")));
        aws.stubFor(get(urlPathEqualTo("/2015-02-01/file-systems")).withQueryParam("MaxItems", equalTo("100"))
                .willReturn(aResponse().withStatus(200).withBody("{\"FileSystems\":[{\"FileSystemId\":\"fs-1\"}]}")));

        JsonNode acls = session.signed(RawApi.WAFV2, "eu-west-1").json("ListWebACLs",
                SignedRequests.body().put("Scope", "REGIONAL"));
        JsonNode systems = session.signed(RawApi.EFS, "eu-west-1").get("DescribeFileSystems",
                "/2015-02-01/file-systems", Map.of("MaxItems", "100"));

        assertThat(acls.path("WebACLs").get(0).path("Name").asText()).isEqualTo("a");
        assertThat(systems.path("FileSystems").get(0).path("FileSystemId").asText()).isEqualTo("fs-1");
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", containing("/eu-west-1/wafv2/aws4_request"))
                .withRequestBody(equalTo("{\"Scope\":\"REGIONAL\"}")));
        assertThat(aws.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/2015-02-01/file-systems"))).getFirst().getHeader("Authorization"))
                .contains("/eu-west-1/elasticfilesystem/aws4_request");
        assertThat(session.counter().operations())
                .containsExactly("wafv2:ListWebACLs", "elasticfilesystem:DescribeFileSystems");
    }

    @Test
    void throttlingIsRetriedWithTheSdkStrategyUntilItPasses() {
        aws.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(400).withBody(QUERY_ERROR.formatted("Throttling", "Rate exceeded")))
                .willSetStateTo("429"));
        aws.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs("429")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
        aws.stubFor(post(urlEqualTo("/")).inScenario("throttled").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(
                        "<DescribeLoadBalancersResponse><DescribeLoadBalancersResult><LoadBalancerDescriptions/>"
                                + "</DescribeLoadBalancersResult></DescribeLoadBalancersResponse>")));

        JsonNode result = session.signed(RawApi.ELB, "eu-west-1").query("DescribeLoadBalancers", Map.of());

        assertThat(result.path("LoadBalancerDescriptions")).isEmpty();
        aws.verify(3, postRequestedFor(urlEqualTo("/")));
        assertThat(session.counter().operations()).as("retries are one call").hasSize(1);
    }

    @Test
    void throttlingBeyondTheAttemptsIsAThrottledListingFailure() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/")
                .withBody("{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}")));

        Throwable error = catchThrowable(() -> session.signed(RawApi.APPLICATION_AUTOSCALING, "eu-west-1")
                .json("DescribeScalableTargets", SignedRequests.body().put("ServiceNamespace", "ecs")));

        aws.verify(3, postRequestedFor(urlEqualTo("/")));
        assertThat(AwsErrors.code(error)).isEqualTo("ThrottlingException");
        ListingOutcome.Failed failed = classify(error, "aws_appautoscaling_target");
        assertThat(failed.reason()).contains("was throttled by AWS (ThrottlingException on "
                + "application-autoscaling:DescribeScalableTargets)");
    }

    @Test
    void aBare429BeyondTheAttemptsIsAThrottledListingFailureToo() {
        // WAFv2 and others can answer 429 Too Many Requests without an error code.
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(429)));

        Throwable error = catchThrowable(() -> session.signed(RawApi.WAFV2, "eu-west-1")
                .json("ListWebACLs", SignedRequests.body().put("Scope", "REGIONAL")));

        aws.verify(3, postRequestedFor(urlEqualTo("/")));
        assertThat(classify(error, "aws_wafv2_web_acl").reason())
                .contains("was throttled by AWS (HTTP 429 on wafv2:ListWebACLs) after retries");
    }

    @Test
    void aDenialIsClassifiedWithTheIamActionToGrantAndNotRetried() {
        aws.stubFor(get(urlPathEqualTo("/2015-02-01/access-points")).willReturn(aResponse().withStatus(403)
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"ErrorCode\":\"AccessDeniedException\",\"Message\":\"User is not authorized\"}")));

        Throwable error = catchThrowable(() -> session.signed(RawApi.EFS, "eu-west-1")
                .get("DescribeAccessPoints", "/2015-02-01/access-points", Map.of()));

        assertThat(error).isInstanceOf(AwsServiceException.class).hasMessageContaining("User is not authorized");
        aws.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/2015-02-01/access-points")));
        ListingOutcome.Failed failed = classify(error, "aws_efs_access_point");
        assertThat(failed.iamAction()).isEqualTo("elasticfilesystem:DescribeAccessPoints");
        assertThat(failed.reason()).contains("was denied (AccessDeniedException on elasticfilesystem:DescribeAccessPoints)");
    }

    @Test
    void aQueryProtocolDenialReadsItsCodeFromTheXml() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403)
                .withBody(QUERY_ERROR.formatted("AccessDenied", "User: arn:aws:iam::1:user/x is not authorized"))));

        Throwable error = catchThrowable(() -> session.signed(RawApi.CLOUDWATCH, "eu-west-1")
                .query("DescribeAlarms", Map.of()));

        assertThat(AwsErrors.code(error)).isEqualTo("AccessDenied");
        assertThat(((AwsServiceException) error).requestId()).isEqualTo("b2f1c5e0-0000-4000-8000-000000000000");
        assertThat(classify(error, "aws_cloudwatch_metric_alarm").iamAction())
                .isEqualTo("cloudwatch:DescribeAlarms");
    }

    @Test
    void anUnreachableEndpointIsANetworkFailure() {
        int port = aws.port();
        aws.stop();

        Throwable error = catchThrowable(() -> session.signed(RawApi.WAFV2, "eu-west-1")
                .json("ListWebACLs", SignedRequests.body()));

        assertThat(error).isInstanceOf(SdkClientException.class).hasMessageContaining("127.0.0.1");
        assertThat(classify(error, "aws_wafv2_web_acl").reason()).contains("could not reach AWS")
                .contains(String.valueOf(port));
    }

    @Test
    void writeOperationsAreRefusedBeforeTheNetwork() {
        assertThatThrownBy(() -> session.signed(RawApi.CLOUDWATCH, "eu-west-1").query("PutMetricAlarm", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cloudwatch:PutMetricAlarm");
        assertThatThrownBy(() -> session.signed(RawApi.WAFV2, "eu-west-1").json("DeleteWebACL", SignedRequests.body()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a read-only call");
        assertThat(aws.getAllServeEvents()).isEmpty();
        assertThat(session.counter().operations()).isEmpty();
    }

    @Test
    void withoutAnOverrideTheRegionalAwsEndpointIsUsed() {
        try (AwsSession real = AwsSession.open(new AwsTarget(null, "eu-west-1", null), MotoClients.CREDENTIALS,
                SessionOptions.defaults())) {
            assertThat(real.signed(RawApi.CLOUDWATCH, "eu-west-1").endpoint())
                    .hasToString("https://monitoring.eu-west-1.amazonaws.com");
            assertThat(real.signed(RawApi.APPLICATION_AUTOSCALING, "ap-south-1").endpoint())
                    .hasToString("https://application-autoscaling.ap-south-1.amazonaws.com");
        }
    }

    private ListingOutcome.Failed classify(Throwable error, String type) {
        return ListingFailures.classify(new ListingScope("123456789012", "eu-west-1", type), error,
                session.counter().lastFailedOperation(), "unused:Fallback");
    }
}
