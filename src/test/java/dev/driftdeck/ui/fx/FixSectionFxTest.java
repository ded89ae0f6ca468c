package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.fix.AcceptInCode;
import dev.driftdeck.fix.MissingActions;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The detail pane's Fix section: each snippet's copy button puts exactly that snippet on the clipboard. */
@ExtendWith(ApplicationExtension.class)
class FixSectionFxTest {

    private final FakeScheduler scheduler = new FakeScheduler(Statuses.all(Instant.now()));
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, InMemoryServices.withScheduler(scheduler, SampleScans.small()));
        window.model().navigation().show(dev.driftdeck.ui.Navigation.FINDINGS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void copyingAcceptInCodePutsTheFragmentOnTheClipboard(FxRobot robot) throws Exception {
        Finding web = select(robot, "module.app.aws_instance.web[0]");

        click(robot, "#copy-fix-accept-in-code");

        String expected = AcceptInCode.hcl(web);
        assertThat(expected).contains("instance_type = \"t3.large\"");
        await(() -> expected.equals(clipboard(robot)));
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .isEqualTo("Copied the accept in code snippet to the clipboard");
        assertThat(robot.lookup("#copy-fix-revert-in-aws").tryQuery()).isPresent();
    }

    @Test
    void aMissingFindingOffersRecreateAndForgetAndCopiesTheStateRmForAnInstanceKey(FxRobot robot) throws Exception {
        select(robot, "aws_sqs_queue.q[\"orders\"]");

        click(robot, "#copy-fix-forget");

        String expected = MissingActions.forget("aws_sqs_queue.q[\"orders\"]").text();
        assertThat(expected).endsWith("terraform state rm 'aws_sqs_queue.q[\"orders\"]'");
        await(() -> expected.equals(clipboard(robot)));
        assertThat(robot.lookup("#copy-fix-recreate").tryQuery()).isPresent();
        assertThat(robot.lookup("#copy-fix-accept-in-code").tryQuery()).isEmpty();
    }

    @Test
    void exportFixPlanWritesThePlanOfTheFindingsOnScreenOnly(FxRobot robot, @TempDir Path dir) throws Exception {
        select(robot, "aws_sqs_queue.q[\"orders\"]");
        Path target = dir.resolve("FIX.md");
        robot.interact(() -> {
            window.model().findings().fixPlan().setTargetChooser(name -> Optional.of(target));
            window.model().findings().statusFilterProperty().set(dev.driftdeck.drift.FindingStatus.MISSING);
        });
        await(() -> robot.lookup("#findings-table").queryAs(TableView.class).getItems().size() == 1);

        robot.clickOn("#export-fix-plan");

        await(() -> robot.lookup("#fix-plan-message").queryAs(Label.class).getText().startsWith("Exported"));
        String plan = Files.readString(target);
        assertThat(plan).startsWith("# Driftdeck fix plan").contains("## Missing: recreate or forget (1)")
                .contains("terraform state rm 'aws_sqs_queue.q[\"orders\"]'")
                .doesNotContain("module.app.aws_instance.web[0]");
    }

    @SuppressWarnings("unchecked")
    private Finding select(FxRobot robot, String address) throws Exception {
        TableView<Finding> table = robot.lookup("#findings-table").queryAs(TableView.class);
        await(() -> table.getItems().size() == 10);
        TableCell<?, ?> cell = robot.lookup("#findings-table .table-cell")
                .match((TableCell<?, ?> c) -> address.equals(c.getText())).query();
        robot.clickOn(cell);
        await(() -> address.equals(robot.lookup("#detail-title").queryAs(Label.class).getText()));
        return table.getItems().stream().filter(f -> address.equals(f.address())).findFirst().orElseThrow();
    }

    /** Scrolls the detail pane to the button, then clicks it as an operator would. */
    private static void click(FxRobot robot, String query) throws Exception {
        Button button = robot.lookup(query).queryButton();
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) robot
                    .lookup(".finding-detail .scroll-pane").query();
            javafx.geometry.Bounds content = scroll.getContent().getLayoutBounds();
            javafx.geometry.Bounds at = scroll.getContent().sceneToLocal(button.localToScene(button.getLayoutBounds()));
            double room = content.getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, at.getMinY() - 20) / room));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
