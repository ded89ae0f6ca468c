package dev.driftdeck.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
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
    private final BinaryOperator<T> keep;

    public LatestValueRelay(Executor ui, Consumer<? super T> apply) {
        this(ui, apply, (older, newer) -> newer);
    }

    /**
     * @param keep which of the pending value and one arriving during the same hop to hand on: for values that
     *             carry their own order (scheduler snapshots from several threads), the newer by that order
     */
    public LatestValueRelay(Executor ui, Consumer<? super T> apply, BinaryOperator<T> keep) {
        this.ui = Objects.requireNonNull(ui);
        this.apply = Objects.requireNonNull(apply);
        this.keep = Objects.requireNonNull(keep);
    }

    @Override
    public void accept(T value) {
        Objects.requireNonNull(value);
        // Only the first value of a burst schedules a hop; the hop takes whatever is kept then.
        if (pending.getAndAccumulate(value, (current, arriving) -> current == null ? arriving : keep.apply(current, arriving)) == null) {
            ui.execute(() -> apply.accept(pending.getAndSet(null)));
        }
    }
}
