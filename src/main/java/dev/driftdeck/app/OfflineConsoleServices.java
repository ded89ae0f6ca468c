package dev.driftdeck.app;

import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.ui.ConsoleServices;
import dev.driftdeck.ui.DatabaseSetting;
import dev.driftdeck.ui.SettingsForm;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console when its database could not be opened at all (a PostgreSQL server unreachable, a login refused, a
 * {@code --db} that is no database): nothing to show, no scheduler, the reason in the read-only banner, and the
 * Settings dialog's Database field to choose another one for the next start.
 */
final class OfflineConsoleServices implements ConsoleServices {

    private final String reason;
    private final ConsoleDatabase database;
    private final String inUse;

    /** @param inUse the database that could not be opened, as messages name it */
    OfflineConsoleServices(String reason, ConsoleDatabase database, String inUse) {
        this.reason = reason;
        this.database = database;
        this.inUse = inUse;
    }

    @Override
    public Optional<SchedulerControl> scheduler() {
        return Optional.empty();
    }

    @Override
    public Optional<String> readOnlyReason() {
        return Optional.of(reason);
    }

    @Override
    public Optional<ScanReport> latestScan() {
        return Optional.empty();
    }

    @Override
    public AutoCloseable subscribeScanProgress(Consumer<ScanProgress> listener) {
        return () -> { };
    }

    @Override
    public AutoCloseable subscribeScanStored(Runnable listener) {
        return () -> { };
    }

    /** The defaults: the real settings are in the database this console could not open. */
    @Override
    public SettingsForm loadSettings() {
        return SettingsForm.defaults();
    }

    @Override
    public void saveSettings(SettingsForm settings) {
        throw new IllegalStateException("AWS access and schedule live in the database, which this console could not"
                + " open: " + reason);
    }

    @Override
    public Optional<DatabaseSetting> databaseSetting() {
        return Optional.of(database.setting(inUse + " (not reachable)"));
    }

    @Override
    public void saveDatabaseSetting(String value) {
        database.settings().saveDatabase(value);
    }
}
