package dev.driftdeck.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Renders a notice for a target and sends it: the one place that knows each channel's payload and transport. */
public final class Channels {

    /** Slack's documented rate for incoming webhooks: one message per second per webhook. */
    static final Duration SLACK_INTERVAL = Duration.ofSeconds(1);

    private final WebhookClient webhooks;
    private final Clock clock;

    public Channels(WebhookClient webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Real HTTP with the standard retry policy, waiting with {@code sleeper}. */
    public static Channels standard(Clock clock, Sleeper sleeper) {
        return new Channels(new WebhookClient(clock, sleeper, RetryPolicy.STANDARD), clock);
    }

    /** @return how many attempts it took */
    public int send(Target target, Notice notice) throws DeliveryException, InterruptedException {
        return switch (target.kind()) {
            case SLACK -> webhooks.post(target.url(), SlackPayload.of(notice), Map::of, SLACK_INTERVAL);
            case TEAMS -> webhooks.post(target.url(), TeamsPayload.of(notice), Map::of, Duration.ZERO);
            case WEBHOOK -> {
                String body = WebhookPayload.of(notice);
                // One id for every attempt: the receiver's idempotency key. A fresh timestamp (and so signature) each time.
                String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
                yield webhooks.post(target.url(), body, () -> signed(target, id, body), Duration.ZERO);
            }
            case EMAIL -> {
                SmtpSender.send(SmtpTarget.of(target.url()), MailContent.of(notice), clock);
                yield 1;
            }
            case DESKTOP -> throw new DeliveryException("The desktop channel is the console's own notification,"
                    + " not a target to post to", 0, null);
        };
    }

    private Map<String, String> signed(Target target, String id, String body) {
        long timestamp = clock.instant().getEpochSecond();
        if (target.signingSecret() == null) {
            return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp));
        }
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", StandardWebhookSignature.sign(target.signingSecret(), id, timestamp, body));
    }
}
