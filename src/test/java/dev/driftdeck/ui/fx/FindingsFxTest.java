package dev.driftdeck.ui.fx;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import dev.driftdeck.ui.ignore.IgnoreRulesViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Real clicks: pickers, the side-by-side detail, "Ignore this finding" into the ignore rules view, shortcuts. */
@ExtendWith(ApplicationExtension.class)
class FindingsFxTest {

    @TempDir
    static Path dir;

    private final FakeScheduler scheduler = new FakeScheduler(Statuses.all(Instant.now()));
    private InMemoryServices services;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path ignore = Files.createTempDirectory(dir, "data").resolve(".driftignore");
        services = InMemoryServices.withScheduler(scheduler, SampleScans.small()).withIgnoreFile(ignore);
        window = ConsoleWindow.open(stage, services);
        window.model().navigation().show(dev.driftdeck.ui.Navigation.FINDINGS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @SuppressWarnings("unchecked")
    private TableView<Finding> table(FxRobot robot) {
        return robot.lookup("#findings-table").queryAs(TableView.class);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickRow(FxRobot robot, String text) {
        TableCell<?, ?> cell = robot.lookup("#findings-table .table-cell")
                .match((TableCell<?, ?> c) -> text.equals(c.getText())).query();
        robot.clickOn(cell);
    }

    private static String text(TextFlow flow) {
        StringBuilder all = new StringBuilder();
        flow.getChildren().forEach(n -> all.append(((Text) n).getText()));
        return all.toString();
    }

    @Test
    void pointingAtACellOffersItsWholeTextAsATooltip(FxRobot robot) throws Exception {
        await(() -> table(robot).getItems().size() == 10);
        TableCell<?, ?> cell = robot.lookup("#findings-table .table-cell")
                .match((TableCell<?, ?> c) -> c.getTableColumn() != null && "col-resource".equals(c.getTableColumn().getId())
                        && c.getText() != null && !c.getText().isEmpty()).query();
        String whole = cell.getText();

        robot.moveTo(cell);
        await(() -> cell.getTooltip() != null);

        assertThat(cell.getTooltip().getText()).isEqualTo(whole);
    }

    @Test
    void typeAndRegionPickersFilterTheTable(FxRobot robot) throws Exception {
        await(() -> table(robot).getItems().size() == 10);

        robot.clickOn("#picker-type");
        robot.clickOn((javafx.scene.Node) robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) ->
                "aws_iam_role".equals(c.getText())).query());
        await(() -> table(robot).getItems().size() == 2);
        assertThat(table(robot).getItems()).extracting(Finding::id).containsExactlyInAnyOrder("deployer", "legacy-admin");

        robot.interact(() -> robot.lookup("#picker-type").queryAs(ComboBox.class).getSelectionModel().select(0));
        robot.clickOn("#picker-region");
        robot.clickOn((javafx.scene.Node) robot.lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) ->
                "global".equals(c.getText())).query());
        await(() -> table(robot).getItems().size() == 3);
        assertThat(table(robot).getItems()).allMatch(f -> "global".equals(f.region()));
    }

    @Test
    void detailPaneShowsTheDifferenceSideBySide(FxRobot robot) throws Exception {
        await(() -> table(robot).getItems().size() == 10);

        clickRow(robot, "module.app.aws_instance.web[0]");

        await(() -> text(robot.lookup("#side-expected").queryAs(TextFlow.class)).equals("t3.micro"));
        assertThat(text(robot.lookup("#side-actual").queryAs(TextFlow.class))).isEqualTo("t3.large");
        assertThat(robot.lookup("#side-path").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo("instance_type");
        assertThat(robot.lookup("#copy-cli").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#copy-import").queryButton().isVisible()).isFalse();

        clickRow(robot, "aws_db_instance.orders");
        await(() -> text(robot.lookup("#side-expected").queryAs(TextFlow.class)).equals("(sensitive)"));
        assertThat(text(robot.lookup("#side-actual").queryAs(TextFlow.class))).isEqualTo("(sensitive)");
    }

    @Test
    void ignoreThisFindingWritesTheRuleAndTheIgnoreViewShowsIt(FxRobot robot) throws Exception {
        await(() -> table(robot).getItems().size() == 10);
        Path file = services.ignoreFile().orElseThrow();

        clickRow(robot, "legacy-admin");
        assertThat(robot.lookup("#copy-import").queryButton().isVisible()).isTrue();
        robot.clickOn("#ignore-finding");

        await(() -> Files.exists(file));
        assertThat(Files.readAllLines(file)).containsExactly("aws_iam_role.legacy-admin");
        await(() -> robot.lookup("#status-message").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Ignoring aws_iam_role legacy-admin. The next scan applies it"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        await(() -> robot.lookup("#ignore-lines").tryQuery().isPresent());
        // A page of the main window, not a window of its own.
        assertThat(robot.lookup("#nav-ignore-rules").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#ignore-lines").query().getScene()).isSameAs(window.stage().getScene());
        assertThat(robot.listWindows()).hasSize(1);
        @SuppressWarnings("unchecked")
        ListView<IgnoreRulesViewModel.Line> lines = robot.lookup("#ignore-lines").queryAs(ListView.class);
        await(() -> lines.getItems().size() == 1);
        assertThat(lines.getItems().getFirst().text()).isEqualTo("aws_iam_role.legacy-admin");
        assertThat(robot.lookup("#ignore-rescan").queryButton().isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        TableView<Finding> ignored = robot.lookup("#ignored-findings").queryAs(TableView.class);
        assertThat(ignored.getItems()).extracting(Finding::id).containsExactly("alias/aws/ebs");

        robot.clickOn("#ignore-rescan");
        await(() -> scheduler.runNowRequests().contains("drift-scan"));
    }

    @Test
    void altDownWalksThroughFindingsAndF5ScansNow(FxRobot robot) throws Exception {
        await(() -> table(robot).getItems().size() == 10);
        await(() -> !robot.lookup("#scan-now").queryButton().isDisabled());
        robot.clickOn("#findings-search");

        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);

        List<Finding> rows = table(robot).getItems();
        await(() -> table(robot).getSelectionModel().getSelectedItem() == rows.get(1));
        assertThat(robot.lookup("#detail-id").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo(rows.get(1).id());

        robot.press(KeyCode.F5).release(KeyCode.F5);
        await(() -> scheduler.runNowRequests().contains("drift-scan"));
    }
}
