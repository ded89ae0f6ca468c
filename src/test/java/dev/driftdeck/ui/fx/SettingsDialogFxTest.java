package dev.driftdeck.ui.fx;

import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.SettingsForm;
import dev.driftdeck.ui.Statuses;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings are edited in a dialog that refuses invalid input and saves through the port; it keeps the sources as they are. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogFxTest {

    private final InMemoryServices services =
            InMemoryServices.withScheduler(new FakeScheduler(Statuses.all(Instant.now())), SampleScans.small())
                    .withSettings(new SettingsForm(List.of("states/**/*.tfstate"), List.of(), "", "", false, 15));
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, services);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private static void replaceText(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    @Test
    void invalidInputDisablesSaveAndValidInputIsSaved(FxRobot robot) throws Exception {
        robot.clickOn("#settings-button");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#settings-interval").tryQuery().isPresent());
        Node save = robot.lookup("#settings-save").query();

        replaceText(robot, "#settings-interval", "0");
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#settings-problems").queryAs(Label.class).getText())
                .isEqualTo("Scan interval must be at least 1 minute");

        replaceText(robot, "#settings-interval", "30");
        replaceText(robot, "#settings-regions", "eu-west-1, us-east-1");
        // The Sources page is the one place that edits the list: the dialog neither shows nor drops it.
        assertThat(robot.lookup("#settings-sources").tryQuery()).isEmpty();
        robot.clickOn("#settings-notify");
        robot.clickOn("High or worse");
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> services.settings().scanIntervalMinutes() == 30);
        assertThat(services.settings()).isEqualTo(new SettingsForm(List.of("states/**/*.tfstate"), List.of("eu-west-1", "us-east-1"),
                "", "", false, 30, dev.driftdeck.risk.Severity.HIGH));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-interval").tryQuery()).isEmpty();
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).isEqualTo("Settings saved");
    }

    @Test
    void theDatabaseIsChosenForTheNextStart(FxRobot robot) throws Exception {
        services.withDatabaseSetting(new dev.driftdeck.ui.DatabaseSetting("", "/home/ops/.local/share/driftdeck/driftdeck",
                "the default"));
        robot.clickOn("#settings-button");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#settings-database").tryQuery().isPresent());
        assertThat(robot.lookup("#settings-database-hint").queryAs(Label.class).getText()).startsWith(
                "Takes effect at the next start. Now open: /home/ops/.local/share/driftdeck/driftdeck (from the default).");

        replaceText(robot, "#settings-database", "postgresql://db.example.com/driftdeck?user=ops");
        robot.clickOn("#settings-save");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> services.databaseSetting().orElseThrow().saved()
                .equals("postgresql://db.example.com/driftdeck?user=ops"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).isEqualTo("Settings saved;"
                + " Driftdeck opens postgresql://db.example.com/driftdeck?user=ops at its next start");
    }
}
