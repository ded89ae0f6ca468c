package dev.driftdeck.scan;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever listens (the console) how the running scan progresses and when a new scan was stored.
 * Listeners are called on the scanning thread; a throwing listener is logged and never fails the scan.
 */
public final class ScanEvents {

    private static final Logger log = LoggerFactory.getLogger(ScanEvents.class);

    private final List<Consumer<ScanProgress>> progressListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Long>> storedListeners = new CopyOnWriteArrayList<>();

    public AutoCloseable onProgress(Consumer<ScanProgress> listener) {
        progressListeners.add(listener);
        return () -> progressListeners.remove(listener);
    }

    /** The listener receives the stored scan's id. */
    public AutoCloseable onStored(Consumer<Long> listener) {
        storedListeners.add(listener);
        return () -> storedListeners.remove(listener);
    }

    /**
     * Passes on every progress event of {@code source} to this one's listeners: a console whose scheduler changes
     * (each leadership term of a shared database has its own jobs and events) keeps one set of listeners.
     *
     * @return closing it stops passing them on
     */
    public AutoCloseable relayProgress(ScanEvents source) {
        return source.onProgress(this::progress);
    }

    /** Announces a scan another process stored (the leader of a shared database), as if stored here. */
    public void storedElsewhere(long scanId) {
        stored(scanId);
    }

    void progress(ScanProgress progress) {
        notifyAll(progressListeners, progress);
    }

    void stored(long scanId) {
        notifyAll(storedListeners, scanId);
    }

    private static <T> void notifyAll(List<Consumer<T>> listeners, T event) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A scan listener failed on {}", event, e);
            }
        }
    }
}
