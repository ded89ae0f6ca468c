package dev.driftdeck.notify;

import java.time.Duration;

/** Waits between attempts; tests record the waits (and move a settable clock) instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
