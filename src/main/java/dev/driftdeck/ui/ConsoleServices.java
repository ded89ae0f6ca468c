package dev.driftdeck.ui;

import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.scan.AccessCheck;
import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SupportedType;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.drift.IgnoreFile;
import dev.driftdeck.store.AuditEntry;
import dev.driftdeck.ui.ignore.IgnoreRulesServices;
import dev.driftdeck.ui.sources.SourcesServices;
import dev.driftdeck.ui.about.AboutInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** Every resource type a scan checks, for the Coverage page. In memory: cheap, but call it off the FX thread. */
    default List<SupportedType> supportedTypes() {
        return List.of();
    }

    /** The state sources: their status, "Sync now", add/edit/remove. Empty when read-only. */
    default Optional<SourcesServices> sources() {
        return Optional.empty();
    }

    /** Notification channels, "send a test message" and the delivery history. Empty when read-only. */
    default Optional<dev.driftdeck.ui.channels.NotificationServices> notifications() {
        return Optional.empty();
    }

    /**
     * The newest stored scans first, without their findings: the overview's trend, "since last scan" and the
     * reports page's history. May block. A store that keeps no history returns an empty list, and the console
     * falls back to {@link #latestScan()}.
     */
    default List<ScanSummary> recentScans(int limit) throws Exception {
        return List.of();
    }

    /** One stored scan, whole, by the id {@link #recentScans(int)} gave; empty when it is gone (pruned). May block. */
    default Optional<ScanReport> scan(long scanId) throws Exception {
        return Optional.empty();
    }

    /**
     * "First seen" and "drifted since" for every finding of a stored scan, keyed by (type, id); computed by the store
     * when the scan was saved, so this is one read. May block. Empty for a store that keeps no history.
     */
    default Map<ResourceKey, FindingAge> findingAges(long scanId) throws Exception {
        return Map.of();
    }

    /** The current settings. May block. */
    SettingsForm loadSettings() throws Exception;

    /** Saves validated settings. May block; throws with a message the operator can read. */
    void saveSettings(SettingsForm settings) throws Exception;

    /** The scheduler's run history, newest first, filtered by job and outcome. May block. */
    default List<JobRun> runHistory(RunQuery query) throws Exception {
        return List.of();
    }

    /** The AWS account the last daily refresh found ("AWS account 1234… · 17 enabled region(s) · …"). May block. */
    default Optional<String> awsAccountSummary() throws Exception {
        return Optional.empty();
    }

    /**
     * The {@code .driftignore} the scans read, which the console edits (ignore this, baseline, the rules view).
     * Empty when this console has none (the ignore actions then say so instead of writing).
     */
    default Optional<Path> ignoreFile() {
        return Optional.empty();
    }

    /**
     * The ignore rules the scans apply, which the console edits: the database's when the console has one (shared by
     * the team, each change recorded), else {@link #ignoreFile()}'s. Empty when there is neither.
     */
    default Optional<IgnoreRulesServices> ignoreRules() {
        return ignoreFile().map(file -> IgnoreRulesServices.file(new IgnoreFile(file)));
    }

    /**
     * The change history of what the team shares (settings, state sources, ignore rules), newest first, at most
     * {@code limit} entries. May block. Empty for a console without a database.
     */
    default List<AuditEntry> changeHistory(int limit) throws Exception {
        return List.of();
    }

    /**
     * Why no AWS credentials can be found for the configured profile, in a few words
     * ("no credentials in the default chain"), or empty when they resolve. May block (the chain may ask the
     * instance metadata service): called on a background thread. The default does not check.
     */
    default Optional<String> awsCredentialsProblem() throws Exception {
        return Optional.empty();
    }

    /**
     * The AWS profiles the settings may pick: every profile of ~/.aws/config and ~/.aws/credentials (or
     * AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), by name. May block (reads the files); throws naming the file
     * when it cannot be parsed. The default offers none.
     */
    default List<String> awsProfiles() throws Exception {
        return List.of();
    }

    /** The regions the settings may pick, id to name ("eu-west-1" to "Europe (Ireland)"), in order. The default offers none. */
    default Map<String, String> awsRegions() {
        return Map.of();
    }

    /**
     * "Test access": whom these (possibly unsaved) settings reach AWS as, by one read-only STS GetCallerIdentity.
     * Blocks on the network; a failure is a {@link AccessCheck.Result.Failed}, not an exception.
     *
     * @param profile     a profile, or blank for the default credential chain
     * @param regions     the regions to scan (the first is asked), or empty for the profile's region
     * @param endpointUrl an AWS-compatible endpoint, or blank for AWS
     */
    default AccessCheck.Result testAwsAccess(String profile, List<String> regions, String endpointUrl) throws Exception {
        return new AccessCheck.Result.Failed("This console cannot test AWS access.");
    }

    /**
     * Who leads the shared PostgreSQL database this console is on: at once when known, then at every change (a
     * take-over included). Never called back on the embedded H2 database, which has no leader. Any thread.
     *
     * @return closing it unsubscribes
     */
    default AutoCloseable subscribeTeam(Consumer<TeamStatus> listener) {
        return () -> { };
    }

    /** The database setting the Settings dialog edits; empty when this console has none (tests). May block. */
    default Optional<DatabaseSetting> databaseSetting() throws Exception {
        return Optional.empty();
    }

    /**
     * Saves the database the console opens at its next start: a file path or a PostgreSQL URL (never with a
     * password), or blank for the embedded database. May block; throws with a message the operator can read.
     */
    default void saveDatabaseSetting(String value) throws Exception {
        throw new UnsupportedOperationException("This console cannot change its database.");
    }

    /**
     * What the About dialog shows: version, data directory, database schema version, log file. May block (it
     * reads the schema version). Without a database, version and runtime only.
     */
    default AboutInfo about() throws Exception {
        return AboutInfo.withoutDatabase();
    }
}
