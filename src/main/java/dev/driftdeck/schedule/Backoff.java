package dev.driftdeck.schedule;

import java.time.Duration;

/** How long a failing job waits before its next attempt: interval × 2^failures, capped. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int consecutiveFailures, Duration interval, Duration cap) {
        if (consecutiveFailures <= 0) {
            return Duration.ZERO;
        }
        // Past 2^20 the cap has long won; stop doubling before multipliedBy overflows.
        long factor = 1L << Math.min(consecutiveFailures, 20);
        Duration delay = interval.multipliedBy(factor);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
