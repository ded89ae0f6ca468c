package dev.driftdeck.notify;

import dev.driftdeck.schedule.DaemonThreads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link Notifier} on its own daemon thread, so a slow webhook (retries, Slack's 1 per second, a 429's
 * Retry-After) never holds a scan, the scheduler or the FX thread: events are queued, the periodic check runs
 * every minute. Closing stops it, waiting a bounded time for a delivery under way.
 */
public final class NotifierThread implements AutoCloseable {

    private final Notifier notifier;
    private final StoppableSleeper sleeper;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("driftdeck-notify"));

    /** @param sleeper the sleeper of the notifier's channels, closed first so a wait ends at once */
    public NotifierThread(Notifier notifier, StoppableSleeper sleeper) {
        this.notifier = notifier;
        this.sleeper = sleeper;
        executor.scheduleWithFixedDelay(notifier::tick, 1, 1, TimeUnit.MINUTES);
    }

    public Notifier notifier() {
        return notifier;
    }

    public void scanStored(long scanId) {
        submit(() -> notifier.scanStored(scanId));
    }

    public void statuses(java.util.List<dev.driftdeck.schedule.JobStatus> statuses) {
        submit(() -> notifier.statuses(statuses));
    }

    /** Runs {@code work} on the notifier's thread (the console's "send a test message"). */
    public ExecutorService executor() {
        return executor;
    }

    private void submit(Runnable work) {
        if (!executor.isShutdown()) {
            try {
                executor.execute(work);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // closing: the event is dropped, as the process is going away
            }
        }
    }

    @Override
    public void close() {
        // No interrupt: the thread may be inside the database. The sleeper ends a wait between attempts at once.
        sleeper.close();
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
