package dev.driftdeck.notify;

import java.time.Duration;

/**
 * How a delivery is retried: up to {@code attempts} requests, {@code firstBackoff} doubling after each failure (a 5xx,
 * a network error), a 429's {@code Retry-After} honoured up to {@code longestRetryAfter} (a longer one fails the
 * delivery rather than hold the queue).
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration longestRetryAfter) {

    /** 4 attempts, 2 s then 4 s then 8 s, a Retry-After up to 60 s. */
    public static final RetryPolicy STANDARD = new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(60));

    Duration backoffAfter(int attempt) {
        return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
    }
}
