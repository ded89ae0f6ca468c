package dev.driftdeck.app;

import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.notify.SecretFile;
import dev.driftdeck.scan.DailyRefreshJob;
import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.scan.StateSyncJob;
import dev.driftdeck.scan.ScanRequest;
import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobDefinition;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.state.StateLoader;
import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseException;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.IgnoreRuleRepository;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.MaintenanceRepository;
import dev.driftdeck.store.MigrationException;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.store.StateSnapshotRepository;
import dev.driftdeck.ui.ConsoleServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the desktop console, in dependency order: data directory, logs, database, migrations,
 * gate, scheduler, console services. The only place that builds a {@link JobScheduler}, and only once the
 * database is open (not locked by another instance), migrated and validated with nothing pending or failed.
 * Otherwise the console opens read-only, with the reason.
 */
public final class DesktopBootstrap {

    private static final Logger log = LoggerFactory.getLogger(DesktopBootstrap.class);

    /** A scan of a large estate takes minutes; one still running after this is hung on the network. */
    static final Duration DRIFT_SCAN_DEADLINE = Duration.ofMinutes(30);
    static final Duration DAILY_REFRESH_DEADLINE = Duration.ofMinutes(15);
    static final Duration STATE_SYNC_DEADLINE = Duration.ofMinutes(10);

    private DesktopBootstrap() {
    }

    /**
     * Boots the desktop on the console's database setting (else the data directory's embedded file).
     *
     * @throws dev.driftdeck.store.DatabaseLockedException when another Driftdeck has the database open
     */
    public static Desktop boot(DataDirectory data, Clock clock) {
        return boot(data, null, clock);
    }

    /**
     * Boots the desktop on {@code database} ({@code --db}: an H2 file path or a PostgreSQL URL), or on the console's
     * setting when null. A PostgreSQL database that cannot be opened (unreachable, login refused), or a value that is
     * no database, opens the console without one, saying why and what to do.
     *
     * @throws dev.driftdeck.store.DatabaseLockedException when another Driftdeck has the H2 file open
     */
    public static Desktop boot(DataDirectory data, String database, Clock clock) {
        // One loader (and so one state cache) for state-sync and drift-scan: a scan after a sync re-reads nothing.
        StateLoader stateLoader = StateLoaders.standard(new StateCache());
        return boot(data, database, clock, ScanService.standard(clock, stateLoader), stateLoader,
                SchedulerOptions.defaults());
    }

    /** As {@link #boot(DataDirectory, Clock)} with the scan service and scheduler options chosen by the caller (tests). */
    public static Desktop boot(DataDirectory data, Clock clock, ScanService scanService, SchedulerOptions options) {
        return boot(data, null, clock, scanService, StateLoaders.standard(new StateCache()), options);
    }

    /** As above, with the loader the {@code state-sync} job checks sources through. */
    public static Desktop boot(DataDirectory data, Clock clock, ScanService scanService, StateLoader stateLoader,
                               SchedulerOptions options) {
        return boot(data, null, clock, scanService, stateLoader, options);
    }

    /** As above, on {@code database} ({@code --db}'s value, or null for the console's setting). */
    public static Desktop boot(DataDirectory data, String database, Clock clock, ScanService scanService,
                               StateLoader stateLoader, SchedulerOptions options) {
        // Private directories first: the log appender would otherwise create them with the umask (0755).
        FileLogging.install(data.preparePrivate().logs());
        ConsoleDatabase choice = ConsoleDatabase.of(data, database);
        DatabaseLocation location;
        try {
            location = choice.location();
        } catch (IllegalArgumentException | DatabaseException e) {
            log.error("The console's database setting is not usable; opening without a database: {}", e.getMessage());
            return offline(e.getMessage() + choice.whatToDo(), choice,
                    database != null ? database : "the database named in " + choice.settings().file());
        }
        Database db;
        if (location instanceof DatabaseLocation.H2File h2) {
            db = Database.open(h2.path());
        } else {
            try {
                db = Database.open(location);
            } catch (DatabaseException e) {
                log.error("Could not open {}; the console opens without a database", location, e);
                return offline(e.getMessage() + choice.whatToDo(), choice, location.toString());
            }
        }
        try {
            return gate(data, clock, scanService, stateLoader, options, db, choice);
        } catch (RuntimeException e) {
            db.close(); // a boot that fails part-way must not keep the file (and its lock) open
            throw e;
        }
    }

    private static Desktop offline(String reason, ConsoleDatabase choice, String inUse) {
        return new Desktop(null, null, new OfflineConsoleServices(reason, choice, inUse), null);
    }

    private static Desktop gate(DataDirectory data, Clock clock, ScanService scanService, StateLoader stateLoader,
                                SchedulerOptions options, Database db, ConsoleDatabase choice) {
        if (db.readOnly()) {
            log.error("Database {} can only be read; the console opens read-only", db.location());
            return readOnly(db, db.shared()
                    ? "The database " + db.location() + " refuses writes (a standby server, or a read-only user or"
                            + " default_transaction_read_only). Point the console at the primary with a user that may"
                            + " write (Settings → Database, or --db)."
                    : "The database " + db.path() + " cannot be written (read-only disk or mount, or a file"
                    + " this user cannot write). Make " + data.root() + " writable, or start Driftdeck with another"
                    + " --data-dir.", data, choice);
        }
        try {
            Migrations.migrateAndVerify(db);
        } catch (MigrationException e) {
            log.error("Database {} failed its schema check; the console opens read-only", db.location(), e);
            return readOnly(db, "Database schema check failed: " + e.getMessage(), data, choice);
        }
        ChangeAuthor operator = LocalOperator.author();
        importIgnoreFile(db, data.root().resolve(".driftignore"), operator, clock);
        if (db.shared()) {
            return team(db, clock, scanService, stateLoader, options, operator, choice, SecretFile.in(data));
        }
        Jobs jobs = jobs(db, clock, scanService, stateLoader, options, null, null, UnaryOperator.identity());
        JobScheduler scheduler = jobs.scheduler();
        try {
            scheduler.start();
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
        log.info("Driftdeck started on {} with the scheduler running", db.path());
        NotificationWiring notifications = new NotificationWiring(db, SecretFile.in(data), clock);
        notifications.lead(db, jobs.events(), scheduler);
        return new Desktop(db, scheduler, notifications, new DatabaseConsoleServices(db, scheduler, jobs.events(), null,
                new DatabaseSourcesServices(db, jobs.stateSync(), scheduler, operator, clock), operator, clock,
                choice, null).withNotifications(new DatabaseNotificationServices(db, SecretFile.in(data),
                notifications, operator, clock)), null);
    }

    /**
     * A shared database: the console joins the election like {@code driftdeck serve} (after the same gate). While
     * it leads, a term's scheduler runs the jobs; while it follows, its panels show the leader's.
     */
    private static Desktop team(Database db, Clock clock, ScanService scanService, StateLoader stateLoader,
                                SchedulerOptions options, ChangeAuthor operator, ConsoleDatabase choice,
                                SecretFile secrets) {
        TeamConsole team = TeamConsole.start(db, clock, defaultSchedules(db, clock), (termDb, guard) ->
                jobs(termDb, clock, scanService, stateLoader, options, null, null, guard),
                new NotificationWiring(db, secrets, clock));
        log.info("Driftdeck started on {}: contending for the leadership, showing the leader's jobs meanwhile",
                db.location());
        return new Desktop(db, null, new DatabaseConsoleServices(db, team.scheduler(), team.events(), null,
                new DatabaseSourcesServices(db, null, team.scheduler(), operator, clock), operator, clock, choice,
                team).withNotifications(new DatabaseNotificationServices(db, secrets, team.notifications(), operator,
                clock)), team);
    }

    /** Each job's default schedule as {@link #jobs} sets it, in its order: a follower shows these until the leader stored its own. */
    static Map<String, Schedule> defaultSchedules(Database db, Clock clock) {
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        schedules.put(DriftScanJob.NAME, Schedule.Every.minutes(new SettingsRepository(db).load().scanIntervalMinutes()));
        schedules.put(StateSyncJob.NAME, new Schedule.Every(StateSyncJob.DEFAULT_INTERVAL));
        schedules.put(DailyRefreshJob.NAME, new Schedule.DailyAt(Schedule.DailyAt.DEFAULT_TIME, clock.getZone(),
                Schedule.DailyAt.DEFAULT_MISFIRE_WINDOW));
        return schedules;
    }

    /** The console's ignore rules moved into the database (V9): its former file is read once, into an empty list. */
    private static void importIgnoreFile(Database db, Path file, ChangeAuthor operator, Clock clock) {
        try {
            if (new IgnoreRuleRepository(db, operator, clock).importFile(file)) {
                log.info("Moved the ignore rules of {} into {}; the file is no longer read", file, db.location());
            }
        } catch (RuntimeException e) {
            log.warn("The ignore rules of {} were not moved into {}: {}", file, db.location(), e.getMessage());
        }
    }

    /** A scheduler built (not started) with its jobs, and what the console wires to them. */
    record Jobs(JobScheduler scheduler, ScanEvents events, StateSyncJob stateSync) {
    }

    /**
     * The scheduler with the console's three jobs over an open, migrated, writable database: the console's own, and
     * each leadership term's of {@code driftdeck serve} (with {@code db} fenced by the term).
     *
     * @param scanRequests what each drift scan scans, or null for the console's settings at each run
     * @param scanEvery    the drift scan's default interval, or null for the console's setting
     * @param guard        wraps each job (team mode: runs only while this instance leads)
     */
    static Jobs jobs(Database db, Clock clock, ScanService scanService, StateLoader stateLoader,
                     SchedulerOptions options, Supplier<ScanRequest> scanRequests,
                     Duration scanEvery, UnaryOperator<Job> guard) {
        SettingsRepository settings = new SettingsRepository(db);
        ScanRepository scans = new ScanRepository(db);
        ScanEvents events = new ScanEvents();
        ConsoleSettings current = settings.load();
        JdbcRunStore runs = new JdbcRunStore(db);
        DriftScanJob driftScan = scanRequests == null
                ? new DriftScanJob(scanService, settings, scans, events, new IgnoreRuleRepository(db))
                : new DriftScanJob(scanService, scanRequests, scans, events);
        StateSnapshotRepository snapshots = new StateSnapshotRepository(db);
        AtomicReference<JobScheduler> started = new AtomicReference<>();
        StateSyncJob stateSync = new StateSyncJob(clock, stateLoader, settings, snapshots,
                reason -> started.get().request(DriftScanJob.NAME, Trigger.STATE_CHANGE));
        events.onStored(scanId -> {
            try {
                snapshots.linkScan(scanId, clock.instant());
            } catch (RuntimeException e) {
                // The scan is stored; only its link to the state versions is lost.
                log.warn("Scan {} was stored but not linked to its state snapshots", scanId, e);
            }
        });
        DailyRefreshJob dailyRefresh = new DailyRefreshJob(settings, new MaintenanceRepository(db), scans, runs,
                snapshots, AwsSession::open, clock);
        Schedule.Every scanSchedule = scanEvery != null ? new Schedule.Every(scanEvery)
                : Schedule.Every.minutes(current.scanIntervalMinutes());
        // Jitter spreads instances' scans over 20 s, but never more than a tenth of a short interval (serve --every 10s).
        Duration scanJitter = Duration.ofSeconds(20).compareTo(scanSchedule.interval().dividedBy(10)) < 0
                ? Duration.ofSeconds(20) : scanSchedule.interval().dividedBy(10);
        JobScheduler scheduler = JobScheduler.create(clock, runs, List.of(
                // A scan has nothing to scan on a fresh install: its first slot is one interval after the first start.
                new JobDefinition(guard.apply(driftScan), scanSchedule, true, false, DRIFT_SCAN_DEADLINE, scanJitter),
                new JobDefinition(guard.apply(stateSync), new Schedule.Every(StateSyncJob.DEFAULT_INTERVAL), true, true,
                        STATE_SYNC_DEADLINE, Duration.ofSeconds(10)),
                new JobDefinition(guard.apply(dailyRefresh), new Schedule.DailyAt(Schedule.DailyAt.DEFAULT_TIME,
                        clock.getZone(), Schedule.DailyAt.DEFAULT_MISFIRE_WINDOW), true, false,
                        DAILY_REFRESH_DEADLINE, Duration.ofMinutes(5))), options);
        started.set(scheduler);
        return new Jobs(scheduler, events, stateSync);
    }

    private static Desktop readOnly(Database db, String problem, DataDirectory data, ConsoleDatabase choice) {
        String reason = problem + " The scheduler is off; findings shown are from the last good scan.";
        return new Desktop(db, null, new DatabaseConsoleServices(db, null, null, reason, null,
                LocalOperator.author(), Clock.systemUTC(), choice, null), null);
    }

    /**
     * What the bootstrap built; closing it stops the notifications, then the scheduler (bounded wait, CANCELLED
     * recorded), or leaves the team (a leading console stops its jobs and releases the lock), then closes the
     * database.
     *
     * @param db            the database, or null when the console opened without one (offline)
     * @param scheduler     the console's own scheduler on H2, else null
     * @param notifications the notification rules over that scheduler, else null (a team console's are its team's)
     * @param team          the console's part in the team on a shared database, else null
     */
    public record Desktop(Database db, JobScheduler scheduler, NotificationWiring notifications,
                          ConsoleServices services, TeamConsole team) implements AutoCloseable {

        /** A desktop without notifications of its own (read-only, offline, or a team console). */
        public Desktop(Database db, JobScheduler scheduler, ConsoleServices services, TeamConsole team) {
            this(db, scheduler, null, services, team);
        }

        /** A desktop on H2 without notifications (read-only: no scheduler, no scans to announce). */
        public Desktop(Database db, JobScheduler scheduler, ConsoleServices services) {
            this(db, scheduler, null, services, null);
        }

        /** The scheduler running the jobs in this process: the console's own, or its term's while it leads. */
        public Optional<JobScheduler> runningScheduler() {
            return team != null ? team.leading() : Optional.ofNullable(scheduler);
        }

        @Override
        public void close() {
            if (notifications != null) {
                notifications.close();
            }
            if (scheduler != null) {
                scheduler.close();
            }
            if (team != null) {
                team.close();
            }
            if (db != null) {
                db.close();
            }
        }
    }
}
