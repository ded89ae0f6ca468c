package dev.driftdeck.store;

import java.time.Instant;
import java.time.LocalTime;

/**
 * The notification rules the operator chose (stored as {@code notify.*} settings). The severity floor for new drift
 * is the console's {@link ConsoleSettings#notifyAtLeast()}: one floor for the banner and every channel.
 *
 * @param resolved      announce drift that was resolved
 * @param jobFailures   announce a failed scheduled job
 * @param staleHours    announce when no scan succeeded for this many hours; 0 for never
 * @param digest        the periodic digest
 * @param quietFrom     start of quiet hours (local time), or null for none
 * @param quietTo       end of quiet hours (local time), or null for none
 * @param lastDigestAt  when the last digest was sent, or null
 */
public record NotificationSettings(boolean resolved, boolean jobFailures, int staleHours, Digest digest,
                                   LocalTime quietFrom, LocalTime quietTo, Instant lastDigestAt) {

    /** How often a digest of the drift goes out. */
    public enum Digest { OFF, DAILY, WEEKLY }

    public NotificationSettings {
        if (staleHours < 0) {
            throw new IllegalArgumentException("staleHours must be 0 (off) or more, was " + staleHours);
        }
        if ((quietFrom == null) != (quietTo == null)) {
            throw new IllegalArgumentException("quiet hours need both a start and an end");
        }
    }

    /** Resolved drift and failed jobs announced, stale after 24 h, no digest, no quiet hours. */
    public static NotificationSettings defaults() {
        return new NotificationSettings(true, true, 24, Digest.OFF, null, null, null);
    }
}
