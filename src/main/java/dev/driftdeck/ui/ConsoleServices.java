package dev.driftdeck.ui;

import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.ui.about.AboutInfo;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the console needs from the rest of Driftdeck. The app root adapts the real store and
 * scheduler to it; tests pass small in-memory implementations. No JavaFX types here on purpose:
 * the adapters live outside the UI.
 *
 * <p>Threading: the console calls {@link #latestScan()}, {@link #loadSettings()} and
 * {@link #saveSettings(SettingsForm)} on a background thread, never on the FX thread. Listeners may be
 * called on any thread; the console hops to the FX thread itself.
 */
public interface ConsoleServices {

    /** The scheduler, or empty when the console is read-only (the gate stayed closed). */
    Optional<SchedulerControl> scheduler();

    /**
     * Why the console is read-only, in words an operator can act on, e.g.
     * "Database schema check failed: migration V3 pending. Run 'driftdeck migrate' and restart."
     * Empty when the scheduler runs.
     */
    Optional<String> readOnlyReason();

    /** The most recent complete scan from the database, or empty when there is none yet. May block. */
    Optional<ScanReport> latestScan() throws Exception;

    /**
     * Progress of the scan that is running now.
     *
     * @return closing it unsubscribes
     */
    AutoCloseable subscribeScanProgress(Consumer<ScanProgress> listener);

    /**
     * Called after a scan was stored, so the console reloads {@link #latestScan()}.
     *
     * @return closing it unsubscribes
     */
    AutoCloseable subscribeScanStored(Runnable listener);

    /** The current settings. May block. */
    SettingsForm loadSettings() throws Exception;

    /** Saves validated settings. May block; throws with a message the operator can read. */
    void saveSettings(SettingsForm settings) throws Exception;

    /**
     * What the About dialog shows: version, data directory, database schema version, log file. May block (it
     * reads the schema version). Without a database, version and runtime only.
     */
    default AboutInfo about() throws Exception {
        return AboutInfo.withoutDatabase();
    }
}
