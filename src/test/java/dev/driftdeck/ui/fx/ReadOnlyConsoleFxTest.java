package dev.driftdeck.ui.fx;

import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate stayed closed: the console still shows the last scan, says why it cannot scan, and cannot. */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyConsoleFxTest {

    private static final String REASON = "Database schema check failed: migration V3__findings_index.sql is pending";
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, InMemoryServices.readOnly(REASON, SampleScans.small()));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void bannerShowsTheReasonAndScanNowIsDisabled(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#read-only-banner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#read-only-reason").queryAs(Label.class).getText()).isEqualTo("Read-only: " + REASON);
        assertThat(robot.lookup("#read-only-hint").queryAs(Label.class).getText()).contains("restart Driftdeck");

        Button scanNow = robot.lookup("#scan-now").queryButton();
        assertThat(scanNow.isDisabled()).isTrue();
        robot.clickOn(scanNow); // a click on a disabled button must change nothing
        assertThat(scanNow.getText()).isEqualTo("Scan now");

        // The last stored scan is still readable.
        robot.clickOn("#nav-findings");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#findings-table").queryAs(TableView.class).getItems().size() == 10);
    }

    @Test
    void schedulerPanelSaysItIsNotRunning(FxRobot robot) {
        robot.clickOn("#nav-scheduler");
        assertThat(robot.lookup("Scheduler not running (read-only console)").tryQuery()).isPresent();
    }
}
