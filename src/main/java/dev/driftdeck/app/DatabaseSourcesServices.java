package dev.driftdeck.app;

import dev.driftdeck.scan.StateSyncJob;
import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.state.s3.StateSourceValidator;
import dev.driftdeck.aws.TrailLogBucket;
import dev.driftdeck.store.AuditLog;
import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.ChangeStamp;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StateSnapshotRepository;
import dev.driftdeck.ui.sources.SourceLine;
import dev.driftdeck.ui.sources.SourcesServices;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The Sources view's port, served by the snapshot repository, the settings and the {@code state-sync} job. */
final class DatabaseSourcesServices implements SourcesServices {

    private final StateSnapshotRepository snapshots;
    private final SettingsRepository settings;
    private final AuditLog audit;
    private final StateSyncJob sync;
    private final StateSourceValidator validator;
    private final SchedulerControl scheduler;

    /**
     * @param sync      the state-sync job whose results "Sync now" reports, or null on a shared database (the leader
     *                  syncs; the page shows what it recorded)
     * @param scheduler runs {@code sync} for "Sync now", like any other run of the job
     * @param author    who adds and removes sources through this console; {@code clock} says when
     */
    DatabaseSourcesServices(Database db, StateSyncJob sync, SchedulerControl scheduler, ChangeAuthor author,
                            Clock clock) {
        this.snapshots = new StateSnapshotRepository(db);
        this.audit = new AuditLog(db);
        this.settings = new SettingsRepository(db, author, clock);
        this.sync = sync;
        this.scheduler = scheduler;
        this.validator = StateSourceValidator.standard();
    }

    @Override
    public List<SourceLine> sources() {
        return snapshots.sources().stream()
                .map(s -> new SourceLine(s.uri(), s.workspace(), s.lastChecked(), s.serial(), s.lineage(),
                        s.resourceCount(), s.error()))
                .toList();
    }

    @Override
    public RunNowResult syncNow() {
        return scheduler.runNow(StateSyncJob.NAME);
    }

    @Override
    public AutoCloseable onSynced(Consumer<String> listener) {
        if (sync == null) {
            return () -> { };
        }
        return sync.onSynced(result -> listener.accept("Synced %d state(s): %d changed, %d failed%s".formatted(
                result.objects(), result.changed().size(), result.failed(),
                result.changed().isEmpty() ? "" : "; a drift scan was requested")));
    }

    @Override
    public List<String> configured() {
        return settings.load().stateUris();
    }

    @Override
    public void saveConfigured(List<String> uris) {
        ConsoleSettings current = settings.load();
        settings.save(new ConsoleSettings(uris, current.regions(), current.profile(), current.endpointUrl(),
                current.strict(), current.scanIntervalMinutes(), current.notifyAtLeast()));
    }

    @Override
    public Map<String, ChangeStamp> changes() {
        return audit.lastChanges(AuditLog.SOURCE);
    }

    @Override
    public Optional<String> problem(String uri) {
        return validator.problem(uri);
    }

    @Override
    public Optional<String> typingProblem(String uri) {
        return validator.typingProblem(uri);
    }

    @Override
    public String cloudTrail() {
        return settings.cloudTrail();
    }

    @Override
    public Optional<String> saveCloudTrail(String uri) {
        if (uri != null && !uri.isBlank()) {
            try {
                TrailLogBucket.checkUri(uri.strip());
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        settings.saveCloudTrail(uri);
        return Optional.empty();
    }
}
