package dev.driftdeck.app;

import dev.driftdeck.cli.DriftdeckCommand;
import dev.driftdeck.notify.SecretFile;
import dev.driftdeck.scan.DriftScanJob;
import dev.driftdeck.scan.ScanRequest;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.schedule.JobStatus;
import dev.driftdeck.schedule.Schedule;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.state.StateLoader;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.InstanceName;
import dev.driftdeck.store.MigrationException;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.team.TeamMember;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code driftdeck serve}: the console's scheduler without a window. The same gate (database open, migrated and
 * validated before any scheduler exists) and the same jobs ({@link DesktopBootstrap#jobs}); on PostgreSQL it is a
 * {@link TeamMember}: the election decides which instance runs them, each term with its own scheduler over the
 * database fenced by the term. SIGTERM (a JVM shutdown) stops it cleanly: a running scan is asked to stop and recorded CANCELLED,
 * nothing half-written, the lock released so a follower takes over at once.
 */
final class HeadlessServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HeadlessServer.class);

    private final Database db;
    private final Clock clock;
    private final ScanService scanService;
    private final StateLoader stateLoader;
    private final ScanRequest scan;
    private final Duration every;
    private final SchedulerOptions options;
    /** On PostgreSQL: this instance's part in the election (it runs the jobs while it leads); null on H2. */
    private TeamMember team;
    /** On H2: the one scheduler. */
    private volatile JobScheduler scheduler;
    /** The notification rules over the running scheduler (the console's, with this machine's channel secrets). */
    private final NotificationWiring notifications;

    private HeadlessServer(Database db, Clock clock, ScanRequest scan, Duration every, SchedulerOptions options) {
        this.db = db;
        this.clock = clock;
        this.stateLoader = StateLoaders.standard(new StateCache());
        this.scanService = ScanService.standard(clock, stateLoader);
        this.scan = scan;
        this.every = every;
        this.options = options;
        this.notifications = new NotificationWiring(db, SecretFile.in(DataDirectory.resolve(null)), clock);
    }

    /** The launcher's {@link dev.driftdeck.cli.ServeHost}: serves until SIGTERM, then returns 0. */
    static int serve(DatabaseLocation location, ScanRequest scan, Duration every, PrintWriter out)
            throws InterruptedException {
        ServerLogging.install();
        Database db = Database.open(location);
        HeadlessServer server;
        try {
            gate(db);
            server = new HeadlessServer(db, Clock.systemDefaultZone(), scan, every, SchedulerOptions.defaults());
            server.start();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: asking the running job to stop, then releasing the database");
            server.close();
            db.close();
            stopped.countDown();
        }, "driftdeck-shutdown"));
        out.println("Serving " + db.location() + " as " + InstanceName.userAtHostPid() + " until SIGTERM");
        out.flush();
        stopped.await();
        return DriftdeckCommand.IN_SYNC;
    }

    /** The console's gate, but a server has no read-only mode to fall back to: it refuses to start. */
    private static void gate(Database db) {
        if (db.readOnly()) {
            throw new IllegalStateException("The database " + db.location() + " can only be read (a standby, a"
                    + " read-only disk or user); serve needs to write scans: point --db at a writable database.");
        }
        try {
            Migrations.migrateAndVerify(db);
        } catch (MigrationException e) {
            throw new IllegalStateException("Database schema check failed, so no scheduler was started: "
                    + e.getMessage(), e);
        }
    }

    private void start() {
        if (!db.shared()) {
            // H2: the file lock already makes this the only Driftdeck on the database.
            scheduler = startScheduler(db, UnaryOperator.identity());
            log.info("Scheduler running on {} (H2: this process holds the file)", db.location());
            return;
        }
        team = new TeamMember(db, InstanceName.userAtHostPid(), clock, new TeamMember.Terms() {
            @Override
            public JobScheduler start(Database termDb, UnaryOperator<dev.driftdeck.schedule.Job> guard) {
                return startScheduler(termDb, guard);
            }

            @Override
            public void changed(JobScheduler leading) {
                if (leading == null) {
                    notifications.follow();
                }
            }
        });
        team.start();
    }

    private JobScheduler startScheduler(Database termDb, UnaryOperator<dev.driftdeck.schedule.Job> guard) {
        DesktopBootstrap.Jobs jobs = DesktopBootstrap.jobs(termDb, clock, scanService, stateLoader, options,
                scan == null ? null : () -> scan, every, guard);
        JobScheduler built = jobs.scheduler();
        try {
            built.start();
            applyEvery(built);
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
        notifications.lead(termDb, jobs.events(), built);
        return built;
    }

    /** {@code --every}: re-phased only when it differs from the stored schedule, so a take-over keeps the phase. */
    private void applyEvery(JobScheduler built) {
        if (every == null) {
            return;
        }
        Schedule wanted = new Schedule.Every(every);
        boolean same = built.statuses().stream().filter(s -> s.job().equals(DriftScanJob.NAME))
                .map(JobStatus::schedule).anyMatch(wanted::equals);
        if (!same) {
            built.reschedule(DriftScanJob.NAME, wanted);
        }
    }

    private void stopScheduler() {
        notifications.follow();
        JobScheduler running = scheduler;
        scheduler = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void close() {
        if (team != null) {
            team.close();
            notifications.close();
        } else {
            stopScheduler();
        }
    }
}
