package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.Navigation;
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
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Real clicks: a drifted security group reads as the port it opened, and the raw values are one toggle away. */
@ExtendWith(ApplicationExtension.class)
class ChangedSecurityGroupFxTest {

    private static final String HTTPS = """
            {"cidr_blocks":["0.0.0.0/0"],"from_port":443,"protocol":"tcp","self":false,"to_port":443}""";
    private static final String SSH = """
            {"cidr_blocks":["0.0.0.0/0"],"from_port":22,"protocol":"tcp","self":false,"to_port":22}""";

    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        List<Finding> findings = new ArrayList<>(SampleScans.small().findings());
        findings.add(new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-0web", "aws_security_group.web",
                SampleScans.ACCOUNT, "eu-west-1", SampleScans.SOURCE, List.of(new AttributeDiff(List.of("ingress"),
                "[" + HTTPS + "]", "[" + HTTPS + "," + SSH + "]", DiffKind.CHANGED)), null));
        InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all(Instant.now())),
                SampleScans.report(findings));
        window = ConsoleWindow.open(stage, services);
        window.model().navigation().show(Navigation.FINDINGS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void clickingTheChangedGroupSaysWhichPortWasOpenedAndTheRawToggleShowsTheValues(FxRobot robot) throws Exception {
        await(() -> robot.lookup("#findings-table .table-cell")
                .match((TableCell<?, ?> c) -> "aws_security_group.web".equals(c.getText())).tryQuery().isPresent());
        robot.clickOn((Node) robot.lookup("#findings-table .table-cell")
                .match((TableCell<?, ?> c) -> "aws_security_group.web".equals(c.getText())).query());

        await(() -> robot.lookup("#detail-changes .change-line").tryQuery().isPresent());
        List<String> lines = robot.lookup("#detail-changes .change-line").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(lines).containsExactly("ingress added: tcp 22 from 0.0.0.0/0");
        assertThat(robot.lookup("#raw-values").query().isVisible()).as("raw values hidden at first").isFalse();

        robot.clickOn("#raw-toggle");

        await(() -> robot.lookup("#raw-values").query().isVisible());
        assertThat(robot.lookup("#diff-table .table-cell")
                .match((TableCell<?, ?> c) -> "ingress".equals(c.getText())).tryQuery()).isPresent();
        assertThat(text(robot.lookup("#side-actual").queryAs(TextFlow.class))).contains("\"from_port\" : 22");
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(TextFlow flow) {
        StringBuilder all = new StringBuilder();
        flow.getChildren().forEach(n -> all.append(((Text) n).getText()));
        return all.toString();
    }
}
