package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.RiskCatalogue;
import dev.driftdeck.risk.RiskRule;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Real clicks: findings sorted by severity, the severity chips, and the risks at the top of the detail. */
@ExtendWith(ApplicationExtension.class)
class RisksFxTest {

    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all(Instant.now())),
                withOpenedSsh(SampleScans.small()));
        window = ConsoleWindow.open(stage, services);
        window.model().navigation().show(dev.driftdeck.ui.Navigation.FINDINGS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void theMostSevereDriftComesFirstAndItsRisksTopItsDetail(FxRobot robot) throws Exception {
        await(() -> table(robot).getItems().size() == 11);
        assertThat(table(robot).getItems().getFirst().id()).isEqualTo("sg-0web");

        TableCell<?, ?> cell = robot.lookup("#findings-table .table-cell")
                .match((TableCell<?, ?> c) -> "sg-0web".equals(c.getText()) || "aws_security_group.web".equals(c.getText()))
                .query();
        robot.clickOn(cell);
        await(() -> robot.lookup("#detail-risks").tryQuery().map(Node::isVisible).orElse(false));

        assertThat(robot.lookup("#detail-severity").queryAs(Label.class).getText())
                .isEqualTo("Severity: Critical (2 risks introduced by this drift)");
        List<VBox> risks = List.copyOf(robot.lookup(".detail-risk").queryAllAs(VBox.class));
        assertThat(risks).extracting(Node::getUserData).containsExactly("DD-SG-005", "DD-SG-001");
        RiskRule rule = RiskCatalogue.standard().rule("DD-SG-001");
        assertThat(risks.get(1).getChildren()).extracting(n -> ((Label) n).getText()).containsExactly(
                "High · DD-SG-001 · " + rule.title() + "  (EC2.13, EC2.53, CIS 5.2)", rule.why(), "Fix: " + rule.fix());
    }

    @Test
    void everyRiskLineIsShownWholeWrappedNeverCutToAnEllipsis(FxRobot robot) throws Exception {
        await(() -> table(robot).getItems().size() == 11);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        await(() -> robot.lookup("#detail-risks").tryQuery().map(Node::isVisible).orElse(false));

        List<Label> lines = new ArrayList<>(List.of(robot.lookup("#detail-severity").queryAs(Label.class)));
        robot.lookup(".detail-risk").queryAllAs(VBox.class)
                .forEach(risk -> risk.getChildren().forEach(n -> lines.add((Label) n)));
        assertThat(lines).hasSize(7);
        for (Label line : lines) {
            // what the label draws: its text with an ellipsis when the layout squeezed it below its wrapped height
            Text drawn = (Text) line.lookup(".text");
            assertThat(drawn.getText().replace("\n", " ").replaceAll("\\s+", " ").strip())
                    .as("drawn text of %s", line.getText()).isEqualTo(line.getText().replaceAll("\\s+", " ").strip());
        }
    }

    @Test
    void aSeverityChipShowsOnlyDriftOfThatSeverityOrWorse(FxRobot robot) throws Exception {
        await(() -> table(robot).getItems().size() == 11);

        robot.clickOn("#severity-chip-high");
        await(() -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems()).extracting(Finding::id).containsExactly("sg-0web");

        robot.clickOn("#severity-chip-any");
        await(() -> table(robot).getItems().size() == 11);
    }

    private static ScanReport withOpenedSsh(ScanReport report) {
        List<Finding> findings = new ArrayList<>(report.findings());
        Finding group = new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-0web", "aws_security_group.web",
                "123456789012", "eu-west-1", "states/prod.tfstate", List.of(new AttributeDiff(List.of("ingress"),
                "[]", "[{\"cidr_blocks\":[\"0.0.0.0/0\"],\"from_port\":22,\"protocol\":\"tcp\",\"to_port\":22}]",
                DiffKind.CHANGED)), null);
        RiskRule ssh = RiskCatalogue.standard().rule("DD-SG-001");
        RiskRule database = RiskCatalogue.standard().rule("DD-SG-005");
        findings.add(group.withRisks(List.of(introduced(database), introduced(ssh))));
        return SampleScans.report(findings);
    }

    private static Risk introduced(RiskRule rule) {
        return new Risk(rule.id(), rule.severity(), rule.title(), rule.why(), rule.fix(), rule.refs(),
                Risk.Effect.INTRODUCED);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Finding> table(FxRobot robot) {
        return robot.lookup("#findings-table").queryAs(TableView.class);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
