package dev.driftdeck.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftdeck.schedule.MutableClock;
import dev.driftdeck.store.NotificationChannel.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WireMock as the Slack, Teams and generic webhook endpoints: payloads, signature, 429, retries. */
class ChannelsWireMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private WireMockServer receiver;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T21:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private Channels channels;

    @BeforeEach
    void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        channels = new Channels(new WebhookClient(clock, sleeper,
                new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(60))), clock);
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    private Notice openedGroup() {
        return Notices.newDrift(List.of(DriftItem.of(Samples.openedGroup(), "alice via console")), clock.instant());
    }

    @Test
    void slackGetsBlocksNamingTheResourceTheChangeTheSeverityAndWhoChangedIt() throws Exception {
        receiver.stubFor(post("/services/T0/B0/XXXX").willReturn(aResponse().withStatus(200).withBody("ok")));

        int attempts = channels.send(new Target(Kind.SLACK, url("/services/T0/B0/XXXX"), null), openedGroup());

        assertThat(attempts).isEqualTo(1);
        String received = only("/services/T0/B0/XXXX").getBodyAsString();
        // Kept for a person to look at (and for the note): target/notify/slack-payload.json
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "notify"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "notify", "slack-payload.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(received)));
        JsonNode body = JSON.readTree(received);
        assertThat(body.get("text").asText()).startsWith("1 new drift, worst High");
        assertThat(body.at("/blocks/0/type").asText()).isEqualTo("header");
        String item = body.at("/blocks/2/text/text").asText();
        assertThat(item).contains("*aws_security_group.web* · Changed · High", "123456789012 / eu-west-1",
                "ingress added: tcp 22 from 0.0.0.0/0", "Changed by alice via console");
    }

    @Test
    void whoChangedItIsLeftOutWhenUnknown() throws Exception {
        receiver.stubFor(post("/s").willReturn(aResponse().withStatus(200)));

        channels.send(new Target(Kind.SLACK, url("/s"), null),
                Notices.newDrift(List.of(DriftItem.of(Samples.openedGroup())), clock.instant()));

        assertThat(only("/s").getBodyAsString()).doesNotContain("Changed by");
    }

    @Test
    void teamsGetsAnAdaptiveCardInTheAttachmentsEnvelope() throws Exception {
        receiver.stubFor(post("/workflows/abc").willReturn(aResponse().withStatus(202)));

        channels.send(new Target(Kind.TEAMS, url("/workflows/abc"), null), openedGroup());

        JsonNode body = JSON.readTree(only("/workflows/abc").getBodyAsString());
        assertThat(body.get("type").asText()).isEqualTo("message");
        JsonNode attachment = body.at("/attachments/0");
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.at("/body/0/text").asText()).isEqualTo("1 new drift, worst High");
        JsonNode container = card.at("/body/2/items");
        assertThat(container.at("/0/text").asText()).isEqualTo("aws_security_group.web");
        assertThat(container.at("/1/facts").toString()).contains("\"Severity\"", "\"High\"",
                "ingress added: tcp 22 from 0.0.0.0/0", "\"Changed by\"", "alice via console");
    }

    @Test
    void theGenericWebhookIsSignedPerStandardWebhooks() throws Exception {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));

        channels.send(new Target(Kind.WEBHOOK, url("/hook"), SECRET), openedGroup());

        LoggedRequest request = only("/hook");
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        assertThat(id).startsWith("msg_");
        assertThat(timestamp).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        // Verified here with the JDK alone, as a receiver would.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (id + "." + timestamp + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("webhook-signature")).isEqualTo(expected);
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.get("type").asText()).isEqualTo("drift.new");
        assertThat(body.at("/data/items/0/resource").asText()).isEqualTo("aws_security_group.web");
        assertThat(body.at("/data/items/0/severity").asText()).isEqualTo("HIGH");
        assertThat(body.at("/data/items/0/changed_by").asText()).isEqualTo("alice via console");
    }

    @Test
    void a429WaitsItsRetryAfterThenSends() throws Exception {
        receiver.stubFor(post("/slow").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ready"));
        receiver.stubFor(post("/slow").inScenario("busy").whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(200)));

        int attempts = channels.send(new Target(Kind.SLACK, url("/slow"), null), openedGroup());

        assertThat(attempts).isEqualTo(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        receiver.verify(2, postRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void a5xxIsRetriedWithBackoff() throws Exception {
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        receiver.stubFor(post("/flaky").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        int attempts = channels.send(new Target(Kind.TEAMS, url("/flaky"), null), openedGroup());

        assertThat(attempts).isEqualTo(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void a4xxIsNotRetriedAndTheErrorMasksTheUrl() {
        receiver.stubFor(post("/services/T0/B0/secretpart1234").willReturn(aResponse().withStatus(404)
                .withBody("no_service")));

        assertThatThrownBy(() -> channels.send(new Target(Kind.SLACK, url("/services/T0/B0/secretpart1234"), null),
                openedGroup()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("HTTP 404 from http://127.0.0.1:" + receiver.port() + "/…/1234: no_service")
                .hasMessageNotContaining("secretpart")
                .satisfies(e -> assertThat(((DeliveryException) e).attempts()).isEqualTo(1));
        receiver.verify(1, postRequestedFor(urlEqualTo("/services/T0/B0/secretpart1234")));
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void slackGetsAtMostOneMessagePerSecondPerWebhook() throws Exception {
        receiver.stubFor(post("/s").willReturn(aResponse().withStatus(200)));
        Target slack = new Target(Kind.SLACK, url("/s"), null);

        channels.send(slack, openedGroup());
        clock.advance(Duration.ofMillis(300));
        channels.send(slack, openedGroup());

        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(700));
        receiver.verify(2, postRequestedFor(urlEqualTo("/s")));
    }

    private LoggedRequest only(String path) {
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }
}
