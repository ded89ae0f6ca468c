package dev.driftdeck.aws;

import java.time.Duration;

/**
 * Network limits of one session. Production uses {@link #defaults()}; tests of failure paths shorten them so an
 * unreachable endpoint fails in milliseconds instead of minutes.
 *
 * @param maxAttempts       attempts per call including the first (adaptive retry)
 * @param connectTimeout    TCP connect timeout
 * @param apiCallTimeout    the whole call including retries
 * @param requestsPerSecond client-side ceiling of HTTP requests per service and region, retries included, so a
 *                          wide scan stays well under AWS's own throttling (0: no ceiling)
 */
public record SessionOptions(int maxAttempts, Duration connectTimeout, Duration apiCallTimeout, int requestsPerSecond) {

    public SessionOptions(int maxAttempts, Duration connectTimeout, Duration apiCallTimeout) {
        this(maxAttempts, connectTimeout, apiCallTimeout, 0);
    }

    /** 20 requests per second per service and region: half of the lowest common EC2/IAM describe budgets. */
    public static SessionOptions defaults() {
        return new SessionOptions(5, Duration.ofSeconds(5), Duration.ofMinutes(2), 20);
    }
}
