package dev.driftdeck.app;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StoredScan;
import dev.driftdeck.ui.ConsoleServices;
import dev.driftdeck.ui.SettingsForm;
import dev.driftdeck.ui.about.AboutInfo;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's ports, served by the real database, scheduler and scan events. Read-only mode has neither
 * scheduler nor events, and refuses to save settings.
 */
final class DatabaseConsoleServices implements ConsoleServices {

    private final Database db;
    private final ScanRepository scans;
    private final SettingsRepository settings;
    private final SchedulerControl scheduler;
    private final ScanEvents events;
    private final String readOnlyReason;

    DatabaseConsoleServices(Database db, SchedulerControl scheduler, ScanEvents events, String readOnlyReason) {
        this.db = db;
        this.scans = new ScanRepository(db);
        this.settings = new SettingsRepository(db);
        this.scheduler = scheduler;
        this.events = events;
        this.readOnlyReason = readOnlyReason;
    }

    @Override
    public Optional<SchedulerControl> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    @Override
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    @Override
    public Optional<ScanReport> latestScan() {
        return scans.latest().map(StoredScan::report);
    }

    @Override
    public AutoCloseable subscribeScanProgress(Consumer<ScanProgress> listener) {
        return events == null ? () -> { } : events.onProgress(listener);
    }

    @Override
    public AutoCloseable subscribeScanStored(Runnable listener) {
        return events == null ? () -> { } : events.onStored(id -> listener.run());
    }

    /** The bootstrap opens the database at {@code DataDirectory.database()}, so its folder is the data directory. */
    @Override
    public AboutInfo about() {
        DataDirectory data = new DataDirectory(db.path().getParent());
        String schema = Migrations.info(db).currentVersion();
        return new AboutInfo(AboutInfo.runningVersion(), AboutInfo.runningRuntime(), data.root(), db.file(),
                schema == null ? "none" : schema, FileLogging.logFile(data.logs()));
    }

    @Override
    public SettingsForm loadSettings() {
        ConsoleSettings stored = settings.load();
        return new SettingsForm(stored.stateUris(), stored.regions(), stored.profile(), stored.endpointUrl(),
                stored.strict(), stored.scanIntervalMinutes());
    }

    @Override
    public void saveSettings(SettingsForm form) {
        if (readOnlyReason != null) {
            throw new IllegalStateException("Settings cannot be saved while the console is read-only: " + readOnlyReason);
        }
        settings.save(new ConsoleSettings(form.stateUris(), form.regions(), form.profile(), form.endpointUrl(),
                form.strict(), form.scanIntervalMinutes()));
    }
}
