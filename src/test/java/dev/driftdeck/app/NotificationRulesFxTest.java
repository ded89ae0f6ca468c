package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.AuditEntry;
import dev.driftdeck.store.AuditLog;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.NotificationSettings;
import dev.driftdeck.store.NotificationSettings.Digest;
import dev.driftdeck.ui.ConsoleWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings → "Rules, channels and history…" on the console's real services: the digest, quiet hours and the stale
 * warning are saved to the database (audited as the operator's), and the window shows them when opened again.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationRulesFxTest {

    @TempDir
    static Path temp;

    private DesktopBootstrap.Desktop desktop;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        desktop = DesktopBootstrap.boot(new DataDirectory(Files.createTempDirectory(temp, "data")), Clock.systemUTC(),
                ScanService.standard(Clock.systemUTC()), SchedulerOptions.defaults());
        window = ConsoleWindow.open(stage, desktop.services());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        desktop.close();
    }

    @Test
    void digestQuietHoursAndStaleHoursAreSavedAndShownAgain(FxRobot robot) throws Exception {
        robot.clickOn("#settings-button");
        await(() -> robot.lookup("#settings-notifications").tryQuery().isPresent());
        openRules(robot);

        robot.clickOn("#rules-digest").clickOn("Weekly on Monday 08:00");
        replaceText(robot, "#rules-stale-hours", "6");
        replaceText(robot, "#rules-quiet-from", "22:00");
        replaceText(robot, "#rules-quiet-to", "7");
        assertThat(text(robot, "#rules-problems")).isEqualTo("Quiet hours end '7' is not a time of day; enter HH:MM,"
                + " e.g. 22:00.");
        assertThat(robot.lookup("#rules-save").query().isDisabled()).isTrue();
        replaceText(robot, "#rules-quiet-to", "07:00");
        robot.clickOn("#rules-save");
        await(() -> text(robot, "#rules-message").equals("Rules saved."));

        assertThat(new NotificationRepository(desktop.db()).settings()).isEqualTo(new NotificationSettings(true, true,
                6, Digest.WEEKLY, LocalTime.of(22, 0), LocalTime.of(7, 0), null));
        assertThat(new AuditLog(desktop.db()).recent(10)).extracting(AuditEntry::item).containsExactlyInAnyOrder(
                "notify.digest", "notify.staleHours", "notify.quietFrom", "notify.quietTo");
        assertThat(new AuditLog(desktop.db()).recent(10)).extracting(AuditEntry::by)
                .containsOnly(LocalOperator.author().name());

        Node rules = robot.lookup("#notification-rules").query();
        robot.interact(() -> ((Stage) rules.getScene().getWindow()).close());
        openRules(robot);

        ComboBox<?> digest = robot.lookup("#rules-digest").queryComboBox();
        assertThat(digest.getValue()).isEqualTo(Digest.WEEKLY);
        assertThat(robot.lookup("#rules-stale-hours").queryAs(TextField.class).getText()).isEqualTo("6");
        assertThat(robot.lookup("#rules-quiet-from").queryAs(TextField.class).getText()).isEqualTo("22:00");
        assertThat(robot.lookup("#rules-quiet-to").queryAs(TextField.class).getText()).isEqualTo("07:00");
    }

    /** Opens the Notifications window and waits until the stored rules are shown (Save is enabled then). */
    private static void openRules(FxRobot robot) throws Exception {
        robot.clickOn("#settings-notifications");
        await(() -> robot.lookup("#rules-save").tryQuery().map(save -> !save.isDisabled()).orElse(false));
    }

    private static void replaceText(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
