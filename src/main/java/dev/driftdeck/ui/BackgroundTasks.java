package dev.driftdeck.ui;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way the console runs work off the FX thread: the work runs on a worker executor, then
 * exactly one of the callbacks runs on the UI executor. Tests pass same-thread executors so view
 * models can be exercised without a toolkit.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final Executor worker;
    private final Executor ui;
    private final ExecutorService owned;

    public BackgroundTasks(Executor worker, Executor ui) {
        this(worker, ui, null);
    }

    private BackgroundTasks(Executor worker, Executor ui, ExecutorService owned) {
        this.worker = Objects.requireNonNull(worker);
        this.ui = Objects.requireNonNull(ui);
        this.owned = owned;
    }

    /** Named daemon workers (so no console thread keeps the JVM alive), callbacks on the FX thread. */
    public static BackgroundTasks daemon(String name) {
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads(name));
        return new BackgroundTasks(pool, Platform::runLater, pool);
    }

    /** Everything on the calling thread: for view-model tests. */
    public static BackgroundTasks sameThread() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }

    /** Where callbacks run; view models use it to publish listener snapshots. */
    public Executor ui() {
        return ui;
    }

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI executor. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        worker.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                LOG.warn("Background task failed: {}", e.toString(), e);
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }

    /** A background action without a result. */
    public void run(ThrowingRunnable work, Runnable onSuccess, Consumer<? super Exception> onFailure) {
        run(() -> {
            work.run();
            return null;
        }, ignored -> onSuccess.run(), onFailure);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /** Like {@link Runnable}, but may throw: saving settings, asking the scheduler. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught in {}", t.getName(), e));
            return thread;
        };
    }
}
