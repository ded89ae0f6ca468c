package dev.driftdeck.app;

import dev.driftdeck.notify.NotifierThread;
import dev.driftdeck.notify.SecretFile;
import dev.driftdeck.notify.Target;
import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.NotificationSettings;
import dev.driftdeck.ui.channels.NotificationServices;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The Notifications window over the database and the data directory's secret file. */
final class DatabaseNotificationServices implements NotificationServices {

    private final NotificationRepository repository;
    private final SecretFile secrets;
    private final TestSender tests;
    private final Clock clock;

    /** Sends a test message to one channel and records it in the history. */
    @FunctionalInterface
    interface TestSender {
        DeliveryRecord send(NotificationChannel channel) throws Exception;
    }

    /**
     * The console's window, its test messages sent as {@code notifications} sends them (leading or not).
     *
     * @param operator who changes the rules, in the change history
     */
    DatabaseNotificationServices(Database db, SecretFile secrets, NotificationWiring notifications,
                                 ChangeAuthor operator, Clock clock) {
        this(new NotificationRepository(db, operator, clock), secrets, notifications::sendTest, clock);
    }

    /** Test messages on {@code notifier}'s thread, as a running console sends them. */
    DatabaseNotificationServices(NotificationRepository repository, SecretFile secrets, NotifierThread notifier,
                                 Clock clock) {
        this(repository, secrets, channel -> NotificationWiring.sendTest(notifier, channel), clock);
    }

    private DatabaseNotificationServices(NotificationRepository repository, SecretFile secrets, TestSender tests,
                                         Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.tests = tests;
        this.clock = clock;
    }

    @Override
    public List<NotificationChannel> channels() {
        return repository.channels();
    }

    @Override
    public NotificationChannel add(String name, String url, String signingSecret) {
        Target parsed = Target.parse(url, Map.of());
        // A signing secret only means something to a generic webhook.
        Target target = signingSecret == null || signingSecret.isBlank() || parsed.kind() != NotificationChannel.Kind.WEBHOOK
                ? parsed : new Target(parsed.kind(), parsed.url(), signingSecret.trim());
        target.validate();
        String ref = secrets.put(target);
        return repository.addChannel(new NotificationChannel(0, name, target.kind(), target.masked(), ref,
                clock.instant()));
    }

    @Override
    public void remove(long channelId) {
        repository.channels().stream().filter(c -> c.id() == channelId).findFirst().ifPresent(channel -> {
            repository.removeChannel(channelId);
            secrets.remove(channel.secretRef());
        });
    }

    @Override
    public DeliveryRecord sendTest(long channelId) throws Exception {
        NotificationChannel channel = repository.channels().stream().filter(c -> c.id() == channelId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Channel " + channelId + " was removed meanwhile"));
        return tests.send(channel);
    }

    @Override
    public List<DeliveryRecord> history(int limit) {
        return repository.deliveries(limit);
    }

    @Override
    public NotificationSettings rules() {
        return repository.settings();
    }

    @Override
    public void saveRules(NotificationSettings rules) {
        repository.saveRules(rules);
    }
}
