package dev.driftdeck.store;

import java.time.Instant;
import java.util.Locale;

/**
 * Where notifications go, as stored: never the secret itself (a webhook URL, an SMTP URL with its password), only
 * a reference to it in the data directory's secret file and the masked form the console shows.
 *
 * @param id           database id, 0 before it was stored
 * @param name         the operator's name for it ("#platform-alerts")
 * @param kind         what kind of receiver it is
 * @param targetMasked the target with its secret part masked: {@code https://hooks.slack.com/…/XXXX}
 * @param secretRef    the key of the secret in the secret file
 * @param createdAt    when it was added
 */
public record NotificationChannel(long id, String name, Kind kind, String targetMasked, String secretRef,
                                  Instant createdAt) {

    /** The receivers Driftdeck can post to. */
    public enum Kind {
        SLACK, TEAMS, WEBHOOK, EMAIL, DESKTOP;

        /** "Slack", "Teams"... as the console shows it. */
        public String label() {
            return switch (this) {
                case SLACK -> "Slack";
                case TEAMS -> "Microsoft Teams";
                case WEBHOOK -> "Webhook";
                case EMAIL -> "E-mail";
                case DESKTOP -> "Desktop";
            };
        }

        public static Kind parse(String stored) {
            return valueOf(stored.trim().toUpperCase(Locale.ROOT));
        }
    }
}
