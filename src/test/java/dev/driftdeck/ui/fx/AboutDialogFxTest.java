package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import dev.driftdeck.ui.about.AboutInfo;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The header's About button opens the dialog; the window carries the Driftdeck icon at every size. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogFxTest {

    private final InMemoryServices services =
            InMemoryServices.withScheduler(new FakeScheduler(Statuses.all(Instant.now())), SampleScans.small());
    private ConsoleWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = ConsoleWindow.open(stage, services);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void aboutShowsVersionAndRuntimeAndSaysWhatIsUnknownWithoutADatabase(FxRobot robot) throws Exception {
        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#about-schema").tryQuery().isPresent()
                        && "not available".equals(robot.lookup("#about-schema").queryAs(TextField.class).getText()));

        assertThat(robot.lookup("#about-version").queryAs(TextField.class).getText()).isEqualTo(AboutInfo.runningVersion());
        assertThat(robot.lookup("#about-runtime").queryAs(TextField.class).getText())
                .startsWith("Java " + Runtime.version()).contains(System.getProperty("java.home"));
        assertThat(robot.lookup("#about-data-dir").queryAs(TextField.class).getText()).isEqualTo("not available");
        assertThat(robot.lookup("#about-log").queryAs(TextField.class).getText()).isEqualTo("not available");
        robot.clickOn("Close");
    }

    @Test
    void theWindowHasTheIconAtEverySizeTheWindowManagerMayAskFor() {
        assertThat(stage.getIcons()).hasSize(7).allSatisfy(icon -> {
            assertThat(icon.isError()).isFalse();
            assertThat(icon.getWidth()).isEqualTo(icon.getHeight()).isGreaterThanOrEqualTo(16);
        });
    }
}
