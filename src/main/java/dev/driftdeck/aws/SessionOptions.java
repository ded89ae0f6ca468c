package dev.driftdeck.aws;

import java.time.Duration;

/**
 * Network limits of one session. Production uses {@link #defaults()}; tests of failure paths shorten them so an
 * unreachable endpoint fails in milliseconds instead of minutes.
 *
 * @param maxAttempts    attempts per call including the first (adaptive retry)
 * @param connectTimeout TCP connect timeout
 * @param apiCallTimeout the whole call including retries
 */
public record SessionOptions(int maxAttempts, Duration connectTimeout, Duration apiCallTimeout) {

    public static SessionOptions defaults() {
        return new SessionOptions(5, Duration.ofSeconds(5), Duration.ofMinutes(2));
    }
}
