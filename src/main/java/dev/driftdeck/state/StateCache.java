package dev.driftdeck.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last parsed snapshot of each state object with the version it was read at, so that the next read of an
 * unchanged object is conditional (If-None-Match, an ETag compared in a listing, a file's size and mtime) and
 * costs no download and no parse. One per process, shared by {@code state-sync} and {@code drift-scan}; the CLI
 * builds a fresh one per scan. Thread-safe.
 */
public final class StateCache {

    /** A state as last read. */
    public record Entry(StateVersion version, StateSnapshot snapshot) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public Optional<Entry> get(String objectUri) {
        return Optional.ofNullable(entries.get(objectUri));
    }

    public void put(String objectUri, StateVersion version, StateSnapshot snapshot) {
        if (version.etag() == null && version.versionId() == null) {
            return; // nothing to compare with next time: keeping the snapshot would only cost memory
        }
        entries.put(objectUri, new Entry(version, snapshot));
    }

    public void forget(String objectUri) {
        entries.remove(objectUri);
    }
}
