package dev.driftdeck.notify;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Sleeps between attempts until {@link #close()}, which ends every wait at once: closing Driftdeck does not sit out
 * a 60 s Retry-After, and no thread is interrupted (it may be inside the database).
 */
public final class StoppableSleeper implements Sleeper, AutoCloseable {

    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (closed.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("Driftdeck is closing");
        }
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
