package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Export import.tf…" on the findings page: two rows Ctrl-clicked, exactly their two import blocks written. */
@ExtendWith(ApplicationExtension.class)
class ImportExportFxTest {

    private final FakeScheduler scheduler = new FakeScheduler(Statuses.all(Instant.now()));
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        List<Finding> findings = new ArrayList<>(SampleScans.small().findings());
        findings.add(new Finding(FindingStatus.UNMANAGED, "aws_s3_bucket", "by-hand-logs", null, SampleScans.ACCOUNT,
                "global", null, List.of(), null));
        window = ConsoleWindow.open(stage, InMemoryServices.withScheduler(scheduler, SampleScans.report(findings)));
        window.model().navigation().show(dev.driftdeck.ui.Navigation.FINDINGS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void twoRowsSelectedExportExactlyTheirImportBlocks(FxRobot robot, @TempDir Path dir) throws Exception {
        TableView<?> table = robot.lookup("#findings-table").queryAs(TableView.class);
        await(() -> table.getItems().size() == 11);
        Button export = robot.lookup("#export-import-tf").queryButton();
        await(() -> "Import all 3 shown…".equals(export.getText()) && !export.isDisabled());
        Path target = dir.resolve("import.tf");
        robot.interact(() -> window.model().findings().importFile().setTargetChooser(name -> Optional.of(target)));

        robot.clickOn(cell(robot, "sg-0ff1ce"));
        await(() -> "aws_security_group sg-0ff1ce".equals(detailTitle(robot)));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "by-hand-logs")).release(KeyCode.CONTROL);

        // the detail pane follows the row clicked last; the button says what it writes
        await(() -> "aws_s3_bucket by-hand-logs".equals(detailTitle(robot)));
        await(() -> "Import 2 selected…".equals(export.getText()));
        // with the detail pane open the search field gives way: both exports say in full what they write
        for (Button button : List.of(export, robot.lookup("#export-fix-plan").queryButton())) {
            assertThat(((Text) button.lookup(".text")).getText()).as("drawn text of " + button.getText())
                    .isEqualTo(button.getText());
        }
        robot.clickOn(export);

        await(() -> robot.lookup("#import-tf-message").queryAs(Label.class).getText().startsWith("Exported"));
        assertThat(robot.lookup("#import-tf-message").queryAs(Label.class).getText())
                .isEqualTo("Exported import.tf of 2 selected unmanaged finding(s) to " + target);
        String file = Files.readString(target);
        assertThat(file.lines().filter(line -> line.equals("import {"))).hasSize(2);
        assertThat(file).contains("to = aws_security_group.sg_0ff1ce", "id = \"sg-0ff1ce\"",
                "to = aws_s3_bucket.by_hand_logs", "id = \"by-hand-logs\"").doesNotContain("legacy-admin");
    }

    /** The Resource column's cell of an unmanaged finding: its id. */
    private static TableCell<?, ?> cell(FxRobot robot, String id) {
        return robot.lookup("#findings-table .table-cell").match((TableCell<?, ?> c) -> id.equals(c.getText())).query();
    }

    private static String detailTitle(FxRobot robot) {
        return robot.lookup("#detail-title").queryAs(Label.class).getText();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
