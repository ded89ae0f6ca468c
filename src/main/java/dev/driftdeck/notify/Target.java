package dev.driftdeck.notify;

import dev.driftdeck.store.NotificationChannel.Kind;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Where one channel posts, with its secrets: what {@code scan --notify URL} and a stored channel resolve to. Its
 * {@link #toString()} is masked, so a log line or an exception message never carries the secret.
 *
 * @param kind          Slack, Teams, webhook or e-mail
 * @param url           the webhook URL, or the {@code smtp://} / {@code smtps://} URL with its credentials
 * @param signingSecret the generic webhook's {@code whsec_} secret, or null (unsigned)
 */
public record Target(Kind kind, String url, String signingSecret) {

    /** The environment variable that holds the generic webhook's signing secret for {@code scan --notify}. */
    public static final String SECRET_ENV = "DRIFTDECK_WEBHOOK_SECRET";

    /**
     * Reads {@code slack+https://...}, {@code teams+https://...}, {@code https://...} (a generic webhook, signed
     * with {@link #SECRET_ENV} when set), {@code smtp://user:password@host:587?from=a@b&to=c@d} or {@code smtps://}.
     *
     * @throws IllegalArgumentException naming the (masked) URL and what is accepted
     */
    public static Target parse(String spec, Map<String, String> env) {
        String text = spec.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        Target target;
        if (lower.startsWith("slack+")) {
            target = new Target(Kind.SLACK, text.substring("slack+".length()), null);
        } else if (lower.startsWith("teams+")) {
            target = new Target(Kind.TEAMS, text.substring("teams+".length()), null);
        } else if (lower.startsWith("smtp://") || lower.startsWith("smtps://")) {
            target = new Target(Kind.EMAIL, text, null);
        } else if (lower.startsWith("https://") || lower.startsWith("http://")) {
            String secret = env.get(SECRET_ENV);
            target = new Target(Kind.WEBHOOK, text, secret == null || secret.isBlank() ? null : secret.trim());
        } else {
            throw new IllegalArgumentException("Cannot notify " + Masked.target(text) + ": use slack+https://...,"
                    + " teams+https://..., https://... (a generic webhook, signed with " + SECRET_ENV + " when set),"
                    + " or smtp://user:password@host:587?from=...&to=...");
        }
        target.validate();
        return target;
    }

    /** @throws IllegalArgumentException when the URL cannot be used, naming it masked */
    public void validate() {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + kind.label() + " URL " + Masked.target(url)
                    + " is not a valid URL; paste it again as the receiver shows it", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The " + kind.label() + " URL " + Masked.target(url)
                    + " has no host; paste the whole URL as the receiver shows it");
        }
        if (kind != Kind.EMAIL && !"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("The " + kind.label() + " URL " + Masked.target(url)
                    + " must start with https://");
        }
        if (signingSecret != null) {
            StandardWebhookSignature.key(signingSecret);
        }
        if (kind == Kind.EMAIL) {
            SmtpTarget.of(url);
        }
    }

    public String masked() {
        return Masked.target(url);
    }

    @Override
    public String toString() {
        return kind.label() + " " + masked() + (signingSecret == null ? "" : " (signed)");
    }
}
