package dev.driftdeck.ui.fx;

import dev.driftdeck.scan.AccessCheck;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import dev.driftdeck.ui.overview.FirstRunGuideView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The empty overview guides a new user through three steps, each button opening the place that does it, each tick
 * following what the console really has (sources saved, credentials and a region, a stored scan).
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunGuideFxTest {

    @TempDir
    static Path temp;

    private final FakeScheduler scheduler = new FakeScheduler(Statuses.all(Instant.now()));
    private final InMemoryServices services = InMemoryServices.withScheduler(scheduler, null);
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        services.withSources(temp);
        window = ConsoleWindow.open(stage, services);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void eachStepOpensItsPlaceAndIsTickedWhenDone(FxRobot robot) throws Exception {
        Node guide = robot.lookup("#first-run-guide").query();
        await(guide::isVisible);
        await(() -> robot.lookup("#guide-text-access").queryAs(Label.class).getText().startsWith("Credentials found. Choose the region"));
        assertThat(done(robot, "sources")).isFalse();
        assertThat(done(robot, "access")).isFalse();
        assertThat(done(robot, "scan")).isFalse();

        robot.clickOn("#guide-open-sources");
        assertThat(robot.lookup("#nav-sources").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("#sources-input").write("s3://tf-states/prod.tfstate");
        await(() -> !robot.lookup("#sources-add").queryButton().isDisabled());
        robot.clickOn("#sources-add");
        robot.clickOn("#nav-overview");
        await(() -> done(robot, "sources"));

        robot.clickOn("#guide-open-access");
        await(() -> robot.lookup("#settings-regions").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#settings-regions").queryAs(TextField.class)).write("us-east-1");
        robot.clickOn("#settings-save");
        await(() -> done(robot, "access"));
        assertThat(services.settings().stateUris()).as("saving the settings keeps the sources").hasSize(1);

        robot.clickOn("#guide-scan-now");
        await(() -> scheduler.runNowRequests().contains("drift-scan"));
        assertThat(done(robot, "scan")).as("asked for, not stored yet").isFalse();
        services.store(SampleScans.small());
        await(() -> done(robot, "scan"));
        assertThat(guide.isVisible()).as("stays, all ticked, until hidden").isTrue();

        robot.clickOn("#guide-hide");
        assertThat(guide.isVisible()).isFalse();
    }

    @Test
    void aSuccessfulAccessTestThatIsSavedTicksAccessWithoutANamedRegion(FxRobot robot) throws Exception {
        // The profile's own region serves: no region in Settings, but Test access reached the account.
        services.withAccessAnswer(new AccessCheck.Result.Identified("123456789012",
                "arn:aws:iam::123456789012:user/ops", "eu-west-1"));
        await(() -> robot.lookup("#first-run-guide").query().isVisible());

        robot.clickOn("#guide-open-access");
        await(() -> robot.lookup("#settings-test-access").tryQuery().isPresent());
        robot.clickOn("#settings-test-access");
        await(() -> robot.lookup("#settings-access-result").queryAs(Label.class).getText().startsWith("Account 123456789012"));
        robot.clickOn(robot.lookup("Cancel").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(done(robot, "access")).as("tested, but the settings tested were not saved").isFalse();

        robot.clickOn("#guide-open-access");
        await(() -> robot.lookup("#settings-test-access").tryQuery().isPresent());
        robot.clickOn("#settings-test-access");
        await(() -> robot.lookup("#settings-access-result").queryAs(Label.class).getText().startsWith("Account 123456789012"));
        robot.clickOn("#settings-save");
        await(() -> done(robot, "access"));
        assertThat(services.settings().regions()).isEmpty();
    }

    private static boolean done(FxRobot robot, String step) {
        return robot.lookup("#guide-step-" + step).query().getPseudoClassStates().contains(FirstRunGuideView.DONE);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
