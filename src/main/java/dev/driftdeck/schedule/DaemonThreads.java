package dev.driftdeck.schedule;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Named daemon threads, so no scheduler thread keeps the JVM alive and thread dumps say who is who. */
public final class DaemonThreads implements ThreadFactory {

    private static final Logger log = LoggerFactory.getLogger(DaemonThreads.class);

    private final String prefix;
    private final boolean numbered;
    private final AtomicInteger count = new AtomicInteger();

    private DaemonThreads(String prefix, boolean numbered) {
        this.prefix = prefix;
        this.numbered = numbered;
    }

    /** Threads called exactly {@code name}, e.g. {@code driftdeck-tick}. */
    public static DaemonThreads named(String name) {
        return new DaemonThreads(name, false);
    }

    /** Threads called {@code prefix-1}, {@code prefix-2}... */
    public static DaemonThreads numbered(String prefix) {
        return new DaemonThreads(prefix, true);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, numbered ? prefix + "-" + count.incrementAndGet() : prefix);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception on {}", t.getName(), e));
        return thread;
    }
}
