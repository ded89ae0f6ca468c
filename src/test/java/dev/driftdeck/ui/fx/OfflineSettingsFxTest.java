package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.DatabaseSetting;
import dev.driftdeck.ui.InMemoryServices;
import java.util.concurrent.TimeUnit;
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

/**
 * A console that could not open its database (read-only, nothing else stored): the banner says why, and Settings →
 * Database still saves another database for the next start, though the rest of the settings cannot be saved.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineSettingsFxTest {

    private static final String UNREACHABLE = "Could not open the database postgresql://db.example.com:5432/driftdeck?user=ops:"
            + " the server at db.example.com:5432 cannot be reached.";

    private final InMemoryServices services = InMemoryServices.readOnly(UNREACHABLE, null)
            .withDatabaseSetting(new DatabaseSetting("postgresql://db.example.com:5432/driftdeck?user=ops",
                    "postgresql://db.example.com:5432/driftdeck?user=ops (not reachable)", "the Settings"));
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, services);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void theBannerNamesTheUrlAndTheDatabaseCanBeChangedBack(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#read-only-reason").queryAs(Label.class).getText()).contains(
                "postgresql://db.example.com:5432/driftdeck?user=ops").contains("cannot be reached");

        robot.clickOn("#settings-button");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#settings-database").tryQuery().isPresent());
        TextField database = robot.lookup("#settings-database").queryAs(TextField.class);
        robot.interact(database::clear);
        robot.clickOn("#settings-save");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> services.databaseSetting().orElseThrow().saved().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .isEqualTo("Settings saved; Driftdeck opens its embedded database at its next start");
        assertThat(robot.lookup("#settings-database").tryQuery()).as("the dialog closed").isEmpty();
    }
}
