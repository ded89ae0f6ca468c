package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.aws.Collectors;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import dev.driftdeck.ui.coverage.TypeCoverageRow;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Real clicks on the Coverage page: the real type catalogue, the last scan's counts, why a type was not checked. */
@ExtendWith(ApplicationExtension.class)
class CoveragePageFxTest {

    private final InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all(Instant.now())),
            SampleScans.small()).withSupportedTypes(Collectors.catalog());
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, services);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<TypeCoverageRow> table(FxRobot robot) {
        return robot.lookup("#coverage-table").queryAs(TableView.class);
    }

    @Test
    void showsTheTypesTheScanMetAndWhyOneWasNotChecked(FxRobot robot) throws Exception {
        robot.clickOn("#nav-coverage");
        await(() -> robot.lookup("#coverage-summary").queryAs(Label.class).getText().contains("in the last scan"));

        assertThat(robot.lookup("#coverage-summary").queryAs(Label.class).getText())
                .isEqualTo(Collectors.catalog().size() + " types supported · 9 in the last scan · 1 type not checked");
        TableView<TypeCoverageRow> table = table(robot);
        assertThat(table.getItems()).extracting(TypeCoverageRow::type).contains("aws_instance", "aws_ebs_volume")
                .doesNotContain("aws_lb");
        TypeCoverageRow volume = table.getItems().stream().filter(row -> row.type().equals("aws_ebs_volume")).findFirst().orElseThrow();
        assertThat(volume.why()).isEqualTo("Access denied for ec2:DescribeVolumes in eu-west-1");
        assertThat(robot.lookup(".table-row-cell").queryAll().stream()
                .filter(node -> node instanceof TableRow<?> row && row.getItem() == volume)
                .map(Node::getPseudoClassStates).findFirst().orElseThrow().toString()).contains("not-checked");

        robot.clickOn("#coverage-only-in-scan");
        await(() -> table.getItems().stream().anyMatch(row -> row.type().equals("aws_lb")));
        robot.clickOn("#coverage-filter").write("aws_lb_");
        await(() -> table.getItems().stream().allMatch(row -> row.type().startsWith("aws_lb_")));
        assertThat(table.getItems()).isNotEmpty();
    }

    @Test
    void doubleClickingATypeOpensItsFindings(FxRobot robot) throws Exception {
        robot.clickOn("#nav-coverage");
        await(() -> table(robot).getItems().stream().anyMatch(row -> row.type().equals("aws_iam_role") && row.total() > 0));

        Node roleCell = robot.lookup(".table-cell").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell && "aws_iam_role".equals(cell.getText()))
                .findFirst().orElseThrow();
        robot.doubleClickOn(roleCell);

        await(() -> robot.lookup("#findings-table").tryQuery().map(Node::isVisible).orElse(false));
        @SuppressWarnings("unchecked")
        TableView<Finding> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        await(() -> findings.getItems().size() == 2);
        assertThat(findings.getItems()).extracting(Finding::type).containsOnly("aws_iam_role");
    }
}
