package dev.driftdeck.ui.sources;

import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.store.ChangeStamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the Sources view needs from the rest of Driftdeck. Every method may block (database, S3, disk): the view
 * model calls them on a background thread, never on the FX thread.
 */
public interface SourcesServices {

    /** Every state object of the last sync, with its status. */
    List<SourceLine> sources() throws Exception;

    /**
     * Asks the scheduler to run the {@code state-sync} job now (claimed, recorded in the run history, refused while
     * paused): STARTED, MERGED into the sync already running (one more follows it), or BLOCKED with the reason. A
     * changed state then requests a drift scan.
     */
    RunNowResult syncNow() throws Exception;

    /**
     * Calls {@code listener} (on any thread) with a one-line summary after every finished sync, manual or scheduled.
     *
     * @return closing it unsubscribes
     */
    default AutoCloseable onSynced(Consumer<String> listener) {
        return () -> { };
    }

    /** The sources as configured (paths, globs, S3 URIs), in order. */
    List<String> configured() throws Exception;

    /** Replaces the configured sources; only call with sources that passed {@link #problem(String)}. */
    void saveConfigured(List<String> uris) throws Exception;

    /** Who last added or removed each configured source and when, by the source as configured; empty if unknown. */
    default Map<String, ChangeStamp> changes() throws Exception {
        return Map.of();
    }

    /** Why {@code uri} cannot be used (bad S3 URI, unknown profile, no such file), or empty when it can. */
    Optional<String> problem(String uri);

    /**
     * What is wrong with {@code uri} while it is being typed, from what needs no disk (an S3 URI's shape and profile);
     * a path or glob is only looked for by {@link #problem(String)} when it is added.
     */
    Optional<String> typingProblem(String uri);

    /** Where who changed the drift is looked up: a trail's logs {@code s3://bucket/prefix/}, or null for Event history. */
    default String cloudTrail() throws Exception {
        return null;
    }

    /**
     * Saves where who changed the drift is looked up (blank: CloudTrail Event history), or says why {@code uri} cannot
     * be used and saves nothing.
     */
    default Optional<String> saveCloudTrail(String uri) throws Exception {
        return Optional.of("This console keeps no settings: who changed the drift is looked up in CloudTrail Event history.");
    }
}
