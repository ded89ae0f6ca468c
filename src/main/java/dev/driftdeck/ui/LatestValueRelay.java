package dev.driftdeck.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from any thread to the UI executor, coalescing bursts: while one hop is pending,
 * newer values replace older ones, so a scan reporting progress 10,000 times queues at most one
 * {@code Platform.runLater} at a time and the UI always shows the latest value.
 */
public final class LatestValueRelay<T> implements Consumer<T> {

    private final Executor ui;
    private final Consumer<? super T> apply;
    private final AtomicReference<T> pending = new AtomicReference<>();

    public LatestValueRelay(Executor ui, Consumer<? super T> apply) {
        this.ui = Objects.requireNonNull(ui);
        this.apply = Objects.requireNonNull(apply);
    }

    @Override
    public void accept(T value) {
        Objects.requireNonNull(value);
        // Only the first value of a burst schedules a hop; the hop takes whatever is latest then.
        if (pending.getAndSet(value) == null) {
            ui.execute(() -> apply.accept(pending.getAndSet(null)));
        }
    }
}
