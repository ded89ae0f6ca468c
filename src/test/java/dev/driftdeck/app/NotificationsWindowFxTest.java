package dev.driftdeck.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.notify.Channels;
import dev.driftdeck.notify.Notifier;
import dev.driftdeck.notify.NotifierThread;
import dev.driftdeck.notify.SecretFile;
import dev.driftdeck.notify.StoppableSleeper;
import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.channels.ChannelsView;
import dev.driftdeck.ui.channels.ChannelsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Settings, Notifications: add a Slack channel, send a test message to WireMock, see it in the history. */
@ExtendWith(ApplicationExtension.class)
class NotificationsWindowFxTest {

    /** Opened in {@link #start}: TestFX's start runs before any registered extension's beforeEach. */
    private Database db;
    private WireMockServer slack;
    private NotifierThread notifier;
    private BackgroundTasks tasks;
    private Path secretDir;

    @Start
    void start(Stage stage) throws Exception {
        slack = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        slack.stubFor(post("/services/T0/B0/wxyz").willReturn(aResponse().withStatus(200).withBody("ok")));
        secretDir = Files.createTempDirectory("driftdeck-notify-ui-");
        db = Database.open(secretDir.resolve("driftdeck"));
        Migrations.migrateAndVerify(db);
        SecretFile secrets = new SecretFile(secretDir.resolve(SecretFile.FILE_NAME));
        StoppableSleeper sleeper = new StoppableSleeper();
        NotificationRepository repository = new NotificationRepository(db);
        notifier = new NotifierThread(new Notifier(repository, new ScanRepository(db), secrets,
                Channels.standard(Clock.systemUTC(), sleeper), Clock.systemUTC(), () -> null), sleeper);
        tasks = BackgroundTasks.daemon("driftdeck-test-ui");
        DatabaseNotificationServices services = new DatabaseNotificationServices(repository, secrets, notifier,
                Clock.systemUTC());
        stage.setScene(new Scene(new ChannelsView(new ChannelsViewModel(services, tasks)), 900, 560));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        notifier.close();
        tasks.close();
        slack.stop();
        db.close();
        try (var files = Files.walk(secretDir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void addAChannelSendATestMessageAndSeeItInTheHistory(FxRobot robot) {
        String url = "slack+http://127.0.0.1:" + slack.port() + "/services/T0/B0/wxyz";
        robot.interact(() -> {
            robot.lookup("#channel-name").queryAs(TextInputControl.class).setText("#platform-alerts");
            robot.lookup("#channel-url").queryAs(TextInputControl.class).setText(url);
        });
        robot.clickOn("#channel-add");

        TableView<NotificationChannel> channels = robot.lookup("#channels-table").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> channels.getItems().size() == 1);
        assertThat(channels.getItems().getFirst().targetMasked())
                .isEqualTo("http://127.0.0.1:" + slack.port() + "/…/wxyz");
        assertThat(robot.lookup(".table-row-cell").queryAll()).noneMatch(row -> row.toString().contains("T0/B0"));

        robot.interact(() -> channels.getSelectionModel().select(0));
        robot.clickOn("#channel-test");

        TableView<DeliveryRecord> history = robot.lookup("#delivery-history").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> history.getItems().size() == 1);
        DeliveryRecord delivery = history.getItems().getFirst();
        assertThat(delivery.outcome()).isEqualTo("SENT");
        assertThat(delivery.rule()).isEqualTo("TEST");
        assertThat(delivery.channelName()).isEqualTo("#platform-alerts");
        assertThat(robot.lookup("#channels-message").queryAs(Label.class).getText())
                .isEqualTo("Test message sent to #platform-alerts.");
        assertThat(slack.findAll(postRequestedFor(urlEqualTo("/services/T0/B0/wxyz"))))
                .singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("Driftdeck test message"));
    }
}
