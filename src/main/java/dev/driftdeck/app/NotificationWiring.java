package dev.driftdeck.app;

import dev.driftdeck.notify.Channels;
import dev.driftdeck.notify.Notifier;
import dev.driftdeck.notify.NotifierThread;
import dev.driftdeck.notify.SecretFile;
import dev.driftdeck.notify.StoppableSleeper;
import dev.driftdeck.scan.ScanEvents;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.SettingsRepository;
import java.time.Clock;

/**
 * The notification rules over one scheduler's jobs: the console's and each term of {@code serve}. Scans stored and
 * job statuses go to the notifier's own thread; closing the result stops it.
 */
final class NotificationWiring {

    private NotificationWiring() {
    }

    static NotifierThread attach(Database db, ScanEvents events, JobScheduler scheduler, SecretFile secrets,
                                 Clock clock) {
        SettingsRepository settings = new SettingsRepository(db);
        StoppableSleeper sleeper = new StoppableSleeper();
        Notifier notifier = new Notifier(new NotificationRepository(db), new ScanRepository(db), secrets,
                Channels.standard(clock, sleeper), clock, () -> settings.load().notifyAtLeast());
        NotifierThread thread = new NotifierThread(notifier, sleeper);
        events.onStored(thread::scanStored);
        scheduler.subscribe(thread::statuses);
        return thread;
    }
}
