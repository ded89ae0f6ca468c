package dev.driftdeck.app;

import dev.driftdeck.notify.Channels;
import dev.driftdeck.notify.Notifier;
import dev.driftdeck.notify.NotifierThread;
import dev.driftdeck.notify.SecretFile;
import dev.driftdeck.notify.StoppableSleeper;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.SettingsRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * The notification rules over the scheduler that runs the jobs in this process, the same for the console and
 * {@code serve}: on H2 the one scheduler; on PostgreSQL each leadership term's, replaced at the next term and
 * stopped when this instance follows, because the leader's notifications are the team's (a follower announcing too
 * would repeat every failed job and stale scan). Stored scans and job statuses go to the notifier's own thread.
 */
public final class NotificationWiring implements AutoCloseable {

    private final Database db;
    private final SecretFile secrets;
    private final Clock clock;
    private NotifierThread current;

    /**
     * @param db      the database (unfenced), for a test message sent while this instance follows
     * @param secrets this machine's channel secrets (its data directory's file)
     */
    NotificationWiring(Database db, SecretFile secrets, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * {@code scheduler} (started) now runs the jobs here over {@code jobsDb} (a term's fenced view on PostgreSQL): its
     * stored scans ({@code events}) and job statuses are announced, instead of an earlier term's.
     */
    synchronized NotifierThread lead(Database jobsDb, ScanEvents events, JobScheduler scheduler) {
        follow();
        StoppableSleeper sleeper = new StoppableSleeper();
        NotifierThread thread = new NotifierThread(notifier(jobsDb, sleeper), sleeper);
        events.onStored(thread::scanStored);
        scheduler.subscribe(thread::statuses);
        current = thread;
        return thread;
    }

    /** This instance no longer runs the jobs (it follows, or stops): it announces nothing. */
    synchronized void follow() {
        NotifierThread running = current;
        current = null;
        if (running != null) {
            running.close();
        }
    }

    /** The notifier of the scheduler running here, or empty while this instance follows. */
    synchronized Optional<NotifierThread> current() {
        return Optional.ofNullable(current);
    }

    /**
     * "Send a test message": on the running notifier's thread (behind its messages, within Slack's 1 per second), or,
     * while this instance follows, from the caller's thread: the operator asked this machine to prove the channel.
     */
    DeliveryRecord sendTest(NotificationChannel channel) throws Exception {
        Optional<NotifierThread> running = current();
        if (running.isPresent()) {
            return sendTest(running.get(), channel);
        }
        try (StoppableSleeper sleeper = new StoppableSleeper()) {
            return notifier(db, sleeper).sendTest(channel);
        }
    }

    /** A test message on {@code thread}: it waits its turn behind (and keeps Slack's 1/s with) the rules' messages. */
    static DeliveryRecord sendTest(NotifierThread thread, NotificationChannel channel) throws Exception {
        return thread.executor().submit(() -> thread.notifier().sendTest(channel)).get();
    }

    private Notifier notifier(Database on, StoppableSleeper sleeper) {
        SettingsRepository settings = new SettingsRepository(on);
        return new Notifier(new NotificationRepository(on), new ScanRepository(on), secrets,
                Channels.standard(clock, sleeper), clock, () -> settings.load().notifyAtLeast());
    }

    @Override
    public void close() {
        follow();
    }
}
