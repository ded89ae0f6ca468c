package dev.driftdeck.schedule;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scheduler's status subscribers; a failing subscriber is logged and stays subscribed. */
final class StatusListeners {

    private static final Logger log = LoggerFactory.getLogger(StatusListeners.class);

    private final List<Consumer<List<JobStatus>>> listeners = new CopyOnWriteArrayList<>();
    private final Supplier<List<JobStatus>> snapshots;

    StatusListeners(Supplier<List<JobStatus>> snapshots) {
        this.snapshots = snapshots;
    }

    /** Adds the listener and hands it the current snapshot at once. */
    AutoCloseable subscribe(Consumer<List<JobStatus>> listener) {
        listeners.add(listener);
        notify(listener, snapshots.get());
        return () -> listeners.remove(listener);
    }

    /** Hands every listener one fresh snapshot; takes none when nobody listens. */
    void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        List<JobStatus> snapshot = snapshots.get();
        for (Consumer<List<JobStatus>> listener : listeners) {
            notify(listener, snapshot);
        }
    }

    private static void notify(Consumer<List<JobStatus>> listener, List<JobStatus> snapshot) {
        try {
            listener.accept(snapshot);
        } catch (RuntimeException e) {
            log.warn("A scheduler status listener failed; it stays subscribed", e);
        }
    }
}
