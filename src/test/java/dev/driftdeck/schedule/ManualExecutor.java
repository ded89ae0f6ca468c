package dev.driftdeck.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A worker pool that queues tasks until the test runs them on its own thread. Nothing runs by itself,
 * and awaitTermination never waits: it answers at once whether everything has finished.
 */
public final class ManualExecutor extends AbstractExecutorService {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean shutdown;

    @Override
    public synchronized void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("ManualExecutor is shut down");
        }
        queue.add(task);
    }

    public synchronized int pending() {
        return queue.size();
    }

    /** Runs the oldest queued task on the calling thread. */
    public void runNext() {
        Runnable task;
        synchronized (this) {
            if (queue.isEmpty()) {
                throw new AssertionError("No task queued: the scheduler started nothing");
            }
            task = queue.poll();
        }
        active.incrementAndGet();
        try {
            task.run();
        } finally {
            active.decrementAndGet();
        }
    }

    /** Runs tasks until none is queued, including those queued by the tasks themselves. */
    public int runAll() {
        int ran = 0;
        while (pending() > 0) {
            runNext();
            ran++;
        }
        return ran;
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> dropped = new ArrayList<>(queue);
        queue.clear();
        return dropped;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty() && active.get() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }
}
