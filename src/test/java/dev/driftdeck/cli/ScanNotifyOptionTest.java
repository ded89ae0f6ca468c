package dev.driftdeck.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.notify.Channels;
import dev.driftdeck.notify.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code scan --notify}: URLs checked before the scan (masked in the error), one message for the scan's drift. */
class ScanNotifyOptionTest {

    @Test
    void anUnusableUrlStopsTheScanBeforeItStartsAndIsNamedMasked() {
        StringWriter err = new StringWriter();

        int code = DriftdeckCommand.execute(new String[] {"scan", "--state", "nowhere.tfstate",
                "--notify", "ftp://hooks.example.com/secret-token-1234"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(code).isEqualTo(DriftdeckCommand.ERROR);
        assertThat(err.toString()).contains("Cannot notify ftp://hooks.example.com/…/1234", "slack+https://")
                .doesNotContain("secret-token");
    }

    @Test
    void oneMessageForTheScansDriftToEachTarget() {
        WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
        try {
            receiver.stubFor(post("/slack").willReturn(aResponse().withStatus(200)));
            receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(200)));
            String base = "http://127.0.0.1:" + receiver.port();
            Finding changed = new Finding(FindingStatus.CHANGED, "aws_instance", "i-1", "aws_instance.web", "123456789012",
                    "eu-west-1", "s", List.of(new AttributeDiff(List.of("instance_type"), "\"t3.micro\"", "\"t3.large\"",
                    DiffKind.CHANGED)), null);
            Finding inSync = new Finding(FindingStatus.IN_SYNC, "aws_s3_bucket", "b", "aws_s3_bucket.b", "123456789012",
                    "eu-west-1", "s", List.of(), null);
            ScanReport report = new ScanReport(Instant.EPOCH, Instant.EPOCH, List.of(), List.of(changed, inSync),
                    List.of(), Map.of(), List.of(), List.of());
            StringWriter err = new StringWriter();

            new ScanNotifications(ScanNotifications.parse(List.of("slack+" + base + "/slack", base + "/hook"),
                    Map.of("DRIFTDECK_WEBHOOK_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
                    Channels.standard(Clock.systemUTC(), Sleeper.REAL), Clock.systemUTC())
                    .send(report, new PrintWriter(err));

            assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/slack")))).singleElement()
                    .satisfies(r -> assertThat(r.getBodyAsString()).contains("Drift scan: 1 drifted resource",
                            "aws_instance.web", "instance_type t3.micro → t3.large").doesNotContain("aws_s3_bucket"));
            assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).singleElement()
                    .satisfies(r -> assertThat(r.getHeader("webhook-signature")).startsWith("v1,"));
            assertThat(err.toString()).contains("Notified Slack", "Notified Webhook").contains("(signed)");
        } finally {
            receiver.stop();
        }
    }
}
