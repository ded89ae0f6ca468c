package dev.driftdeck.app;

import dev.driftdeck.aws.Collectors;
import dev.driftdeck.aws.CredentialsCheck;
import dev.driftdeck.drift.SupportedType;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.aws.AwsChoices;
import dev.driftdeck.scan.AccessCheck;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.schedule.SchedulerControl;
import dev.driftdeck.store.AuditEntry;
import dev.driftdeck.store.AuditLog;
import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.IgnoreRuleRepository;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.MaintenanceRepository;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StoredScan;
import dev.driftdeck.ui.ConsoleServices;
import dev.driftdeck.ui.SettingsForm;
import dev.driftdeck.ui.ignore.IgnoreRulesServices;
import dev.driftdeck.ui.sources.SourcesServices;
import java.time.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    private final SourcesServices sources;
    private final JdbcRunStore runs;
    private final MaintenanceRepository maintenance;
    private final IgnoreRuleRepository ignoreRules;
    /** Which database the console opened and its setting for the next start; null in tests that have none. */
    private final ConsoleDatabase database;
    /** On a shared database: who leads; null on H2. */
    private final TeamConsole team;

    /** @param author who changes settings and ignore rules through this console; {@code clock} says when */
    DatabaseConsoleServices(Database db, SchedulerControl scheduler, ScanEvents events, String readOnlyReason,
                            SourcesServices sources, ChangeAuthor author, Clock clock) {
        this(db, scheduler, events, readOnlyReason, sources, author, clock, null, null);
    }

    DatabaseConsoleServices(Database db, SchedulerControl scheduler, ScanEvents events, String readOnlyReason,
                            SourcesServices sources, ChangeAuthor author, Clock clock, ConsoleDatabase database,
                            TeamConsole team) {
        this.database = database;
        this.team = team;
        this.sources = sources;
        this.ignoreRules = new IgnoreRuleRepository(db, author, clock);
        this.runs = new JdbcRunStore(db);
        this.maintenance = new MaintenanceRepository(db);
        this.db = db;
        this.scans = new ScanRepository(db);
        this.settings = new SettingsRepository(db, author, clock);
        this.scheduler = scheduler;
        this.events = events;
        this.readOnlyReason = readOnlyReason;
    }

    @Override
    public Optional<SchedulerControl> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    @Override
    public List<SupportedType> supportedTypes() {
        return Collectors.catalog();
    }

    @Override
    public Optional<SourcesServices> sources() {
        return Optional.ofNullable(sources);
    }

    /** Set once by the bootstrap when the scheduler (and so the notifier) runs. */
    private volatile dev.driftdeck.ui.channels.NotificationServices notifications;

    DatabaseConsoleServices withNotifications(dev.driftdeck.ui.channels.NotificationServices services) {
        this.notifications = services;
        return this;
    }

    @Override
    public Optional<dev.driftdeck.ui.channels.NotificationServices> notifications() {
        return Optional.ofNullable(notifications);
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
    public List<ScanSummary> recentScans(int limit) {
        return scans.recent(limit);
    }

    @Override
    public Optional<ScanReport> scan(long scanId) {
        return scans.load(scanId);
    }

    @Override
    public Map<ResourceKey, FindingAge> findingAges(long scanId) {
        return scans.findingAges(scanId);
    }

    @Override
    public AutoCloseable subscribeScanProgress(Consumer<ScanProgress> listener) {
        return events == null ? () -> { } : events.onProgress(listener);
    }

    @Override
    public AutoCloseable subscribeScanStored(Runnable listener) {
        return events == null ? () -> { } : events.onStored(id -> listener.run());
    }

    @Override
    public AutoCloseable subscribeTeam(Consumer<dev.driftdeck.ui.TeamStatus> listener) {
        return team == null ? () -> { } : team.subscribe(listener);
    }

    @Override
    public Optional<dev.driftdeck.ui.DatabaseSetting> databaseSetting() {
        return database == null ? Optional.empty() : Optional.of(database.setting(db.location().toString()));
    }

    @Override
    public void saveDatabaseSetting(String value) {
        if (database == null) {
            throw new UnsupportedOperationException("This console cannot change its database.");
        }
        database.settings().saveDatabase(value);
    }

    /** The bootstrap opens the database at {@code DataDirectory.database()}, so its folder is the data directory. */
    @Override
    public AboutInfo about() {
        if (db.shared()) {
            // No file: the data directory still holds the logs and the console's own settings.
            DataDirectory data = database == null ? null : database.data();
            String schema = Migrations.info(db).currentVersion();
            return new AboutInfo(AboutInfo.runningVersion(), AboutInfo.runningRuntime(),
                    data == null ? null : data.root(), null, db.location() + " (" + db.product() + ")",
                    schema == null ? "none" : schema, data == null ? null : FileLogging.logFile(data.logs()));
        }
        DataDirectory data = new DataDirectory(db.path().getParent());
        String schema = Migrations.info(db).currentVersion();
        return new AboutInfo(AboutInfo.runningVersion(), AboutInfo.runningRuntime(), data.root(), db.file(),
                db.file().toString(), schema == null ? "none" : schema, FileLogging.logFile(data.logs()));
    }

    @Override
    public SettingsForm loadSettings() {
        ConsoleSettings stored = settings.load();
        return new SettingsForm(stored.stateUris(), stored.regions(), stored.profile(), stored.endpointUrl(),
                stored.strict(), runningScanInterval().orElse(stored.scanIntervalMinutes()), stored.notifyAtLeast());
    }

    /** The drift scan's interval as the scheduler runs it (the scheduler panel may have changed it). */
    private Optional<Integer> runningScanInterval() {
        if (scheduler == null) {
            return Optional.empty();
        }
        return scheduler.statuses().stream()
                .filter(status -> DriftScanJob.NAME.equals(status.job()))
                .map(JobStatus::schedule)
                .filter(schedule -> schedule instanceof Schedule.Every every && every.interval().toSeconds() % 60 == 0)
                .map(schedule -> (int) ((Schedule.Every) schedule).interval().toMinutes())
                .findFirst();
    }

    @Override
    public List<JobRun> runHistory(RunQuery query) {
        return runs.runs(query);
    }

    @Override
    public Optional<String> awsAccountSummary() {
        return maintenance.awsAccount().map(account -> "AWS account " + account.account() + " · "
                + account.enabledRegions().size() + " enabled region(s) · " + account.arn()
                + " · checked " + account.checkedAt());
    }

    @Override
    public void saveSettings(SettingsForm form) {
        if (readOnlyReason != null) {
            throw new IllegalStateException("Settings cannot be saved while the console is read-only: " + readOnlyReason);
        }
        settings.save(new ConsoleSettings(form.stateUris(), form.regions(), form.profile(), form.endpointUrl(),
                form.strict(), form.scanIntervalMinutes(), form.notifyAtLeast()));
        if (scheduler != null && runningScanInterval().orElse(-1) != form.scanIntervalMinutes()) {
            // At once, not at the next restart: the next scan is one new interval from now.
            scheduler.reschedule(DriftScanJob.NAME, Schedule.Every.minutes(form.scanIntervalMinutes()));
        }
    }

    @Override
    public Optional<IgnoreRulesServices> ignoreRules() {
        return Optional.of(new DatabaseIgnoreRules(ignoreRules));
    }

    @Override
    public List<AuditEntry> changeHistory(int limit) {
        return new AuditLog(db).recent(limit);
    }

    @Override
    public List<String> awsProfiles() {
        return AwsChoices.profiles();
    }

    @Override
    public Map<String, String> awsRegions() {
        return AwsChoices.regions();
    }

    @Override
    public AccessCheck.Result testAwsAccess(String profile, List<String> regions, String endpointUrl) {
        return AccessCheck.standard().check(profile, regions, endpointUrl);
    }

    @Override
    public Optional<String> awsCredentialsProblem() {
        return CredentialsCheck.problem(settings.load().profile());
    }
}
