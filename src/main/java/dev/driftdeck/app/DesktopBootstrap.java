package dev.driftdeck.app;

import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.JobDefinition;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.MigrationException;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.SettingsRepository;
import dev.driftdeck.ui.ConsoleServices;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    private DesktopBootstrap() {
    }

    /**
     * Boots the desktop.
     *
     * @throws dev.driftdeck.store.DatabaseLockedException when another Driftdeck has the database open
     */
    public static Desktop boot(DataDirectory data, Clock clock) {
        return boot(data, clock, ScanService.standard(clock), SchedulerOptions.defaults());
    }

    /** As {@link #boot(DataDirectory, Clock)} with the scan service and scheduler options chosen by the caller (tests). */
    public static Desktop boot(DataDirectory data, Clock clock, ScanService scanService, SchedulerOptions options) {
        FileLogging.install(data.logs());
        Database db = Database.open(data.database());
        try {
            return gate(data, clock, scanService, options, db);
        } catch (RuntimeException e) {
            db.close(); // a boot that fails part-way must not keep the file (and its lock) open
            throw e;
        }
    }

    private static Desktop gate(DataDirectory data, Clock clock, ScanService scanService, SchedulerOptions options,
                                Database db) {
        if (db.readOnly()) {
            log.error("Database {} can only be read; the console opens read-only", db.path());
            return readOnly(db, "The database " + db.path() + " cannot be written (read-only disk or mount, or a file"
                    + " this user cannot write). Make " + data.root() + " writable, or start Driftdeck with another"
                    + " --data-dir.");
        }
        try {
            Migrations.migrateAndVerify(db);
        } catch (MigrationException e) {
            log.error("Database {} failed its schema check; the console opens read-only", db.path(), e);
            return readOnly(db, "Database schema check failed: " + e.getMessage());
        }
        SettingsRepository settings = new SettingsRepository(db);
        ScanRepository scans = new ScanRepository(db);
        ScanEvents events = new ScanEvents();
        ConsoleSettings current = settings.load();
        DriftScanJob driftScan = new DriftScanJob(scanService, settings, scans, events, data.root().resolve(".driftignore"));
        JobScheduler scheduler = JobScheduler.create(clock, new JdbcRunStore(db),
                List.of(new JobDefinition(driftScan, Duration.ofMinutes(current.scanIntervalMinutes()), true, false)), options);
        try {
            scheduler.start();
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
        log.info("Driftdeck started on {} with the scheduler running", db.path());
        return new Desktop(db, scheduler, new DatabaseConsoleServices(db, scheduler, events, null));
    }

    private static Desktop readOnly(Database db, String problem) {
        String reason = problem + " The scheduler is off; findings shown are from the last good scan.";
        return new Desktop(db, null, new DatabaseConsoleServices(db, null, null, reason));
    }

    /** What the bootstrap built; closing it stops the scheduler (bounded wait, CANCELLED recorded) then the database. */
    public record Desktop(Database db, JobScheduler scheduler, ConsoleServices services) implements AutoCloseable {

        public Optional<JobScheduler> runningScheduler() {
            return Optional.ofNullable(scheduler);
        }

        @Override
        public void close() {
            if (scheduler != null) {
                scheduler.close();
            }
            db.close();
        }
    }
}
