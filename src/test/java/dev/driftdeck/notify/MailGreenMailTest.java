package dev.driftdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.schedule.MutableClock;
import dev.driftdeck.store.NotificationChannel.Kind;
import dev.driftdeck.store.NotificationSettings;
import dev.driftdeck.store.StoredScan;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GreenMail as the SMTP relay. GreenMail 2.1.8's SMTP server offers no STARTTLS, so STARTTLS is tested as required
 * (a relay without it is refused before the password is sent) and TLS over SMTPS.
 */
class MailGreenMailTest {

    private static final ServerSetup SMTP = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static final ServerSetup SMTPS = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {SMTP.dynamicPort(), SMTPS.dynamicPort()})
            .withPerMethodLifecycle(true);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final Channels channels = new Channels(new WebhookClient(clock, new RecordingSleeper(clock),
            RetryPolicy.STANDARD), clock);

    private Notice digest() {
        List<Finding> drift = List.of(Samples.openedGroup(), Samples.unmanagedQueue());
        ScanReport report = new ScanReport(clock.instant().minusSeconds(60), clock.instant().minusSeconds(30),
                List.of(), drift, List.of(), Map.of(), List.of("123456789012"), List.of("eu-west-1"));
        return new Notifier(null, null, null, channels, clock, () -> null)
                .digest(NotificationSettings.Digest.WEEKLY, new StoredScan(7, report));
    }

    @Test
    void theDigestArrivesOverTls() throws Exception {
        MAIL.setUser("alerts@example.com", "alerts", "s3cret");
        int port = MAIL.getSmtps().getPort();
        Target target = Target.parse("smtps://alerts:s3cret@127.0.0.1:" + port
                + "?from=driftdeck@example.com&to=ops@example.com&trust=127.0.0.1", Map.of());

        channels.send(target, digest());

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[Driftdeck] Weekly drift digest: 2 drifted resources, worst High");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(body).contains("aws_security_group.web", "ingress added: tcp 22 from 0.0.0.0/0", "123456789012 / eu-west-1",
                "aws_sqs_queue https://sqs.eu-west-1.amazonaws.com/123456789012/stray", "<table");
    }

    @Test
    void aRelayWithoutStartTlsIsRefusedBeforeThePasswordIsSent() {
        MAIL.setUser("alerts@example.com", "alerts", "s3cret");
        Target target = Target.parse("smtp://alerts:s3cret@127.0.0.1:" + MAIL.getSmtp().getPort()
                + "?from=driftdeck@example.com&to=ops@example.com", Map.of());

        assertThatThrownBy(() -> channels.send(target, digest()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("smtp://alerts@127.0.0.1:" + MAIL.getSmtp().getPort())
                .hasMessageContaining("STARTTLS")
                .hasMessageNotContaining("s3cret");
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    /** The digest as a mail client shows it, for a person to look at: target/notify/digest.html. */
    @Test
    void theDigestRendersToAFile() throws Exception {
        Path file = Path.of("target", "notify", "digest.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, MailContent.of(digest()).html());

        assertThat(Files.readString(file)).contains("<h2", "Weekly drift digest", "High", "aws_security_group.web")
                .doesNotContain("Changed by"); // nobody known: no empty column
    }
}
