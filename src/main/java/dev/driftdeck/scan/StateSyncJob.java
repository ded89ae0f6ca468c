package dev.driftdeck.scan;

import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobContext;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.state.LoadedState;
import dev.driftdeck.state.StateAccess;
import dev.driftdeck.state.StateLoader;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StateSnapshotRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's {@code state-sync} job: checks every configured source with conditional reads (an unchanged S3
 * object costs one 304, an unchanged prefix one listing, an unchanged file one stat), records the check, and when a
 * source has a new version asks for a {@code drift-scan} (coalesced by the scheduler). Shares its
 * {@link StateLoader} (and so its cache) with the drift scan, which then reads the changed state without downloading
 * it again.
 */
public final class StateSyncJob implements Job {

    public static final String NAME = "state-sync";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(StateSyncJob.class);

    /**
     * What one sync saw.
     *
     * @param objects how many state objects or files were checked
     * @param changed uris with a new version
     * @param failed  how many could not be read
     */
    public record SyncResult(int objects, List<String> changed, int failed) {
        public SyncResult {
            changed = List.copyOf(changed);
        }
    }

    private final Clock clock;
    private final StateLoader loader;
    private final SettingsRepository settings;
    private final StateSnapshotRepository snapshots;
    private final Consumer<String> requestScan;
    private final List<Consumer<SyncResult>> syncedListeners = new CopyOnWriteArrayList<>();

    /** @param requestScan asks the scheduler for a drift scan; called with the reason when a state changed */
    public StateSyncJob(Clock clock, StateLoader loader, SettingsRepository settings, StateSnapshotRepository snapshots,
                        Consumer<String> requestScan) {
        this.clock = clock;
        this.loader = loader;
        this.settings = settings;
        this.snapshots = snapshots;
        this.requestScan = requestScan;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunOutcome run(JobContext context) {
        SyncResult result = sync();
        return result.failed() > 0 ? RunOutcome.PARTIAL : RunOutcome.SUCCEEDED;
    }

    /**
     * Tells {@code listener} what each finished sync saw (on the syncing thread), so the Sources view reloads.
     *
     * @return closing it unsubscribes
     */
    public AutoCloseable onSynced(Consumer<SyncResult> listener) {
        syncedListeners.add(listener);
        return () -> syncedListeners.remove(listener);
    }

    /**
     * One check of every source: the body of a run (the Sources view's "Sync now" asks the scheduler for one, so it is
     * claimed, recorded and stopped by pause like any run). Synchronized: two syncs at once would record the same
     * change twice.
     */
    public synchronized SyncResult sync() {
        ConsoleSettings current = settings.load();
        StateAccess access = new StateAccess(current.profile(),
                current.regions().isEmpty() ? null : current.regions().getFirst(), current.endpointUrl());
        List<LoadedState> checked = loader.load(current.stateUris(), access);
        List<String> changed = snapshots.record(checked, clock.instant());
        int failed = (int) checked.stream().filter(LoadedState.Failed.class::isInstance).count();
        if (!changed.isEmpty()) {
            log.info("State changed in {} source object(s) ({}): requesting a drift scan", changed.size(),
                    String.join(", ", changed));
            requestScan.accept("state changed: " + String.join(", ", changed));
        }
        SyncResult result = new SyncResult(checked.size(), changed, failed);
        for (Consumer<SyncResult> listener : syncedListeners) {
            try {
                listener.accept(result);
            } catch (RuntimeException e) {
                log.warn("A state-sync listener failed", e);
            }
        }
        return result;
    }
}
