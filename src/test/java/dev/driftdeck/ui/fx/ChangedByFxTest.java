package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.attribution.ChangedBy;
import dev.driftdeck.attribution.TrailRecords;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.testing.TrailFiles;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.Navigation;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.Statuses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real clicks: a security group opened to the world by alice in the console, as her CloudTrail record says; the
 * table's "Changed by" column and the detail pane name her.
 */
@ExtendWith(ApplicationExtension.class)
class ChangedByFxTest {

    private static final String SSH = """
            {"cidr_blocks":["0.0.0.0/0"],"from_port":22,"protocol":"tcp","self":false,"to_port":22}""";

    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        ChangedBy alice = ChangedBy.found(List.of(TrailRecords.writeEvent(TrailFiles.securityGroupEvent("e-1",
                "arn:aws:iam::123456789012:user/alice", "alice", "AuthorizeSecurityGroupIngress",
                Instant.now().minus(Duration.ofHours(2)), TrailFiles.CONSOLE, "sg-0web")).orElseThrow()));
        List<Finding> findings = new ArrayList<>(SampleScans.small().findings());
        findings.add(new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-0web", "aws_security_group.web",
                SampleScans.ACCOUNT, "eu-west-1", SampleScans.SOURCE, List.of(new AttributeDiff(List.of("ingress"),
                "[]", "[" + SSH + "]", DiffKind.CHANGED)), null).withChangedBy(alice));
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
    void theTableAndTheDetailPaneNameWhoOpenedTheGroupAndHow(FxRobot robot) throws Exception {
        await(() -> cell(robot, "aws_security_group.web") != null);
        assertThat(cell(robot, "alice (console)")).as("the Changed by column").isNotNull();
        robot.clickOn(cell(robot, "aws_security_group.web"));

        await(() -> robot.lookup("#detail-changed-by-headline").tryQuery().isPresent());
        assertThat(robot.lookup("#detail-changed-by-headline").queryAs(Label.class).getText())
                .isEqualTo("Changed by alice via console, 2 h ago");
        assertThat(robot.lookup("#detail-changed-by .detail-change-event").queryAllAs(Label.class))
                .singleElement().extracting(Label::getText).asString()
                .contains("AuthorizeSecurityGroupIngress", "arn:aws:iam::123456789012:user/alice", "via console",
                        "198.51.100.23");
        List<Label> lines = new ArrayList<>(robot.lookup("#detail-changed-by .label").queryAllAs(Label.class));
        assertThat(lines).hasSize(2);
        for (Label line : lines) {
            // what the label draws: its text with an ellipsis when the layout squeezed it below its wrapped height
            Text drawn = (Text) line.lookup(".text");
            assertThat(drawn.getText().replace("\n", " ").replaceAll("\\s+", " ").strip())
                    .as("drawn text of %s", line.getText()).isEqualTo(line.getText().replaceAll("\\s+", " ").strip());
        }
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup("#findings-table .table-cell")
                .match((TableCell<?, ?> c) -> text.equals(c.getText())).tryQuery().orElse(null);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
