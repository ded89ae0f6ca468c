package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.SettingsForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
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
 * A scan that fails for real (a profile no AWS file defines) is explained where the operator looks: the overview,
 * the status bar and the job's card each give the error, the fix and the next attempt, not only "1 consecutive
 * failure(s)". Before any scan the overview does not claim that every listing succeeded.
 */
@ExtendWith(ApplicationExtension.class)
class FailedScanIsExplainedFxTest {

    private static final String PROBLEM = "AWS profile 'no-such-profile-xyz' is not defined in ~/.aws/config or"
            + " ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE).";
    private static final String FIX = "Open Settings → AWS access and pick a profile from the list, or leave it blank"
            + " for the default credential chain.";

    @TempDir
    Path temp;

    private DesktopBootstrap.Desktop desktop;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path state = Files.writeString(temp.resolve("empty.tfstate"), """
                {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "failing",
                 "outputs": {}, "resources": []}
                """);
        desktop = DesktopBootstrap.boot(new DataDirectory(temp.resolve("data")), Clock.systemUTC(),
                ScanService.standard(Clock.systemUTC()),
                new SchedulerOptions(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofHours(1)));
        desktop.services().saveSettings(new SettingsForm(List.of(state.toString()), List.of("us-east-1"),
                "no-such-profile-xyz", "", false, 15));
        window = ConsoleWindow.open(stage, desktop.services());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        desktop.close();
    }

    @Test
    void theOverviewTheStatusBarAndTheCardSayWhyAndWhatToDo(FxRobot robot) throws Exception {
        // Before any scan: no claim about listings that never ran.
        assertThat(texts(robot.lookup("#overview-alerts").queryAs(Pane.class))).containsExactly("No scan yet: nothing was listed.");

        await(() -> !robot.lookup("#scan-now").queryButton().isDisabled());
        robot.clickOn("#scan-now");

        await(() -> robot.lookup("#overview-job-failure").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#overview-job-failure").queryAs(Label.class).getText())
                .startsWith("drift-scan failed: " + PROBLEM + " " + FIX + " (next in ")
                .matches("(?s).*\\(next in \\d+m \\d+s\\)");
        assertThat(robot.lookup("#status-job-failure").queryAs(Label.class).getText())
                .startsWith("drift-scan failed: " + PROBLEM);

        robot.clickOn("#nav-scheduler");
        await(() -> robot.lookup("#job-error-drift-scan").tryQuery().isPresent());
        assertThat(robot.lookup("#job-state-drift-scan").queryAs(Label.class).getText()).isEqualTo("BACKING_OFF");
        assertThat(robot.lookup("#job-error-drift-scan").queryAs(Label.class).getText()).isEqualTo(PROBLEM);
        assertThat(robot.lookup("#job-fix-drift-scan").queryAs(Label.class).getText()).isEqualTo(FIX);
        assertThat(robot.lookup("#job-reason-drift-scan").queryAs(Label.class).getText())
                .matches("\\d+ consecutive failure\\(s\\); no scheduled attempt before .*");
    }

    private static List<String> texts(Pane pane) {
        return pane.getChildren().stream().filter(Label.class::isInstance).map(Node.class::cast)
                .map(node -> ((Label) node).getText()).toList();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
