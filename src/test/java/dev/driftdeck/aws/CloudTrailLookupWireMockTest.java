package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftdeck.attribution.Attribution;
import dev.driftdeck.attribution.AttributionStatus;
import dev.driftdeck.attribution.AttributionTarget;
import dev.driftdeck.attribution.Attributor;
import dev.driftdeck.attribution.ChangeEvent;
import dev.driftdeck.attribution.ChangedBy;
import dev.driftdeck.attribution.Via;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CloudTrail Event history, which moto lacks: WireMock answers {@code LookupEvents} (AWS JSON 1.1,
 * {@code X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents}) as the API reference
 * documents it: {@code Events[]} with {@code EventTime} in epoch seconds and the whole record as the
 * {@code CloudTrailEvent} JSON string, {@code NextToken} while there is more; a {@code ThrottlingException} first.
 */
class CloudTrailLookupWireMockTest {

    private static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String GROUP = "sg-0abc1234def567890";
    private static final String TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io)"
            + " terraform-provider-aws/5.100.0 (+https://registry.terraform.io/providers/hashicorp/aws)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireMockServer aws;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void everyPageAfterAThrottleNewestFirstWithTerraformLabelledAndReadsLeftOut() throws Exception {
        aws.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .inScenario("throttled once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("answering"));
        aws.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .inScenario("throttled once").whenScenarioStateIs("answering")
                .withRequestBody(containing("\"AttributeValue\":\"" + GROUP + "\""))
                .willReturn(json(page("page-2",
                        event("e-3", "AuthorizeSecurityGroupIngress", "2026-12-06T11:40:00Z", "alice",
                                "console.ec2.amazonaws.com", false),
                        event("e-2", "DescribeSecurityGroups", "2026-12-06T11:30:00Z", "alice",
                                "console.ec2.amazonaws.com", true)))));
        aws.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .inScenario("throttled once").whenScenarioStateIs("answering")
                .withRequestBody(containing("\"NextToken\":\"page-2\""))
                .willReturn(json(page(null,
                        event("e-1", "CreateSecurityGroup", "2026-12-06T09:00:00Z", "deployer", TERRAFORM, false)))));

        Attribution result;
        try (AwsSession session = session()) {
            result = new Attributor(Clock.fixed(NOW, ZoneOffset.UTC)).attribute(List.of(
                    new AttributionTarget("aws_security_group", GROUP, MotoAws.ACCOUNT, "us-east-1",
                            Instant.parse("2026-12-06T08:00:00Z"), Instant.parse("2026-12-06T11:45:00Z"))),
                    new CloudTrailLookup(session));
            assertThat(session.counter().callsPerService()).as("two calls (the retry is not a call of its own)")
                    .containsEntry("cloudtrail", 2L);
        }

        ChangedBy changedBy = result.changedBy().getFirst();
        assertThat(changedBy.status()).isEqualTo(AttributionStatus.FOUND);
        assertThat(changedBy.events()).extracting(ChangeEvent::event, ChangeEvent::name, ChangeEvent::via)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("AuthorizeSecurityGroupIngress", "alice", Via.CONSOLE),
                        org.assertj.core.groups.Tuple.tuple("CreateSecurityGroup", "deployer", Via.TERRAFORM));
        assertThat(changedBy.headline(NOW)).isEqualTo("Changed by alice via console, 20 min ago");
        List<LoggedRequest> requests = aws.findAll(postRequestedFor(urlPathEqualTo("/")));
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).getBodyAsString()).as("one ResourceName attribute, the window")
                .contains("\"LookupAttributes\":[{\"AttributeKey\":\"ResourceName\",\"AttributeValue\":\"" + GROUP + "\"}]")
                .contains("\"StartTime\":" + Instant.parse("2026-12-06T08:00:00Z").getEpochSecond());
    }

    @Test
    void atMostTwoLookupsPerSecondInOneAccountAndRegion() {
        aws.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)).willReturn(json(page(null))));
        List<AttributionTarget> five = java.util.stream.IntStream.range(0, 5).mapToObj(i -> new AttributionTarget(
                "aws_instance", "i-000" + i, MotoAws.ACCOUNT, "eu-west-1", null, null)).toList();

        try (AwsSession session = session()) {
            new Attributor(Clock.fixed(NOW, ZoneOffset.UTC)).attribute(five, new CloudTrailLookup(session));
        }

        List<LoggedRequest> requests = aws.findAll(postRequestedFor(urlPathEqualTo("/")));
        assertThat(requests).hasSize(5);
        assertThat(Duration.between(requests.getFirst().getLoggedDate().toInstant(),
                requests.getLast().getLoggedDate().toInstant()))
                .as("five calls at 2 per second span four half-seconds").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aDenialIsOneProblemNamingAccountRegionAndActionAndNoMoreCallsThere() {
        aws.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:iam::123456789012:"
                                + "user/scanner is not authorized to perform: cloudtrail:LookupEvents\"}")));

        Attribution result;
        try (AwsSession session = session()) {
            result = new Attributor(Clock.fixed(NOW, ZoneOffset.UTC)).attribute(List.of(
                    new AttributionTarget("aws_security_group", GROUP, MotoAws.ACCOUNT, "us-east-1", null, null),
                    new AttributionTarget("aws_instance", "i-0abc", MotoAws.ACCOUNT, "us-east-1", null, null)),
                    new CloudTrailLookup(session));
        }

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.account()).isEqualTo(MotoAws.ACCOUNT);
            assertThat(problem.region()).isEqualTo("us-east-1");
            assertThat(problem.iamAction()).isEqualTo("cloudtrail:LookupEvents");
            assertThat(problem.message()).contains("account 123456789012", "region us-east-1",
                    "Grant cloudtrail:LookupEvents");
        });
        assertThat(result.changedBy()).extracting(ChangedBy::status)
                .containsExactly(AttributionStatus.FAILED, AttributionStatus.FAILED);
        assertThat(aws.findAll(postRequestedFor(urlPathEqualTo("/")))).as("the second resource is not asked again")
                .hasSize(1);
    }

    private AwsSession session() {
        return AwsSession.open(new AwsTarget(null, "us-east-1", aws.baseUrl()), MotoAws.CREDENTIALS,
                new SessionOptions(3, Duration.ofMillis(500), Duration.ofSeconds(20), 20));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private static String page(String nextToken, ObjectNode... events) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("Events");
        for (ObjectNode event : events) {
            list.add(event);
        }
        if (nextToken != null) {
            page.put("NextToken", nextToken);
        }
        return page.toString();
    }

    /** One Event as LookupEvents returns it, its record as the CloudTrailEvent string. */
    private static ObjectNode event(String id, String name, String time, String user, String agent, boolean readOnly) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "1.10");
        ObjectNode identity = record.putObject("userIdentity");
        identity.put("type", "IAMUser").put("principalId", "AIDAEXAMPLE" + user.toUpperCase())
                .put("arn", "arn:aws:iam::123456789012:user/" + user).put("accountId", "123456789012")
                .put("accessKeyId", "AKIAEXAMPLE").put("userName", user);
        record.put("eventTime", time).put("eventSource", "ec2.amazonaws.com").put("eventName", name)
                .put("awsRegion", "us-east-1").put("sourceIPAddress", "203.0.113.7").put("userAgent", agent);
        record.putObject("requestParameters").put("groupId", GROUP);
        record.putNull("responseElements");
        record.put("requestID", "req-" + id).put("eventID", id).put("readOnly", readOnly)
                .put("eventType", "AwsApiCall").put("managementEvent", true)
                .put("recipientAccountId", "123456789012").put("eventCategory", "Management");
        ObjectNode event = JSON.createObjectNode();
        event.put("EventId", id).put("EventName", name).put("ReadOnly", Boolean.toString(readOnly))
                .put("AccessKeyId", "AKIAEXAMPLE").put("EventTime", Instant.parse(time).getEpochSecond())
                .put("EventSource", "ec2.amazonaws.com").put("Username", user);
        event.putArray("Resources").addObject().put("ResourceType", "AWS::EC2::SecurityGroup").put("ResourceName", GROUP);
        event.put("CloudTrailEvent", record.toString());
        return event;
    }
}
