package dev.driftdeck.ui.fx;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.schedule.RunNowResult;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.ui.Statuses;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Real clicks on the real window, with real scan records and an in-test scheduler. */
@ExtendWith(ApplicationExtension.class)
class ConsoleWindowFxTest {

    private final FakeScheduler scheduler = new FakeScheduler(Statuses.all(Instant.now()));
    private final InMemoryServices services = InMemoryServices.withScheduler(scheduler, SampleScans.small());
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        window = ConsoleWindow.open(stage, services);
        // The console opens on the overview; these tests work on the findings page.
        window.model().navigation().show(dev.driftdeck.ui.Navigation.FINDINGS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    @SuppressWarnings("unchecked")
    private TableView<Finding> findingsTable(FxRobot robot) {
        return robot.lookup("#findings-table").queryAs(TableView.class);
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitScanShown(FxRobot robot) throws Exception {
        await(() -> findingsTable(robot).getItems().size() == 10);
    }

    @Test
    void selectingARowShowsItsDiffsInTheDetailPane(FxRobot robot) throws Exception {
        awaitScanShown(robot);

        TableCell<?, ?> cell = robot.lookup(".table-cell")
                .match((TableCell<?, ?> c) -> "module.app.aws_instance.web[0]".equals(c.getText())).query();
        robot.clickOn(cell);

        assertThat(robot.lookup("#detail-title").queryAs(Label.class).getText()).isEqualTo("module.app.aws_instance.web[0]");
        assertThat(robot.lookup("#detail-id").queryAs(Label.class).getText()).isEqualTo("i-0abc123");
        assertThat(robot.lookup("#detail-diff-summary").queryAs(Label.class).getText()).isEqualTo("2 attributes differ");
        @SuppressWarnings("unchecked")
        TableView<AttributeDiff> diffs = robot.lookup("#diff-table").queryAs(TableView.class);
        assertThat(diffs.getItems()).extracting(AttributeDiff::dottedPath).containsExactly("instance_type", "tags.Owner");
        assertThat(robot.lookup("#diff-table .table-cell")
                .match((TableCell<?, ?> c) -> "\"t3.large\"".equals(c.getText())).tryQuery()).isPresent();
    }

    @Test
    void typingInSearchFiltersRows(FxRobot robot) throws Exception {
        awaitScanShown(robot);

        robot.clickOn("#findings-search").write("sg-0ff");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(findingsTable(robot).getItems()).extracting(Finding::id).containsExactly("sg-0ff1ce");
        assertThat(robot.lookup("#findings-search").queryAs(TextField.class).getText()).isEqualTo("sg-0ff");
    }

    @Test
    void clickingAStatusChipFiltersAndAllClearsIt(FxRobot robot) throws Exception {
        awaitScanShown(robot);

        robot.clickOn("#chip-unmanaged");
        assertThat(findingsTable(robot).getItems()).extracting(Finding::id).containsExactly("legacy-admin", "sg-0ff1ce");

        robot.clickOn("#chip-all");
        assertThat(findingsTable(robot).getItems()).hasSize(10);
    }

    @Test
    void scanNowAsksTheSchedulerAndFollowsTheRunningJob(FxRobot robot) throws Exception {
        awaitScanShown(robot);
        Button scanNow = robot.lookup("#scan-now").queryButton();
        await(() -> !scanNow.isDisabled());

        robot.clickOn("#nav-scheduler");
        Label stateBadge = robot.lookup("#job-state-drift-scan").queryAs(Label.class);
        assertThat(stateBadge.getText()).isEqualTo("IDLE");
        assertThat(robot.lookup("#job-next-drift-scan").queryAs(Label.class).getText()).startsWith("next in 4m");
        robot.clickOn(scanNow);
        await(() -> !scheduler.runNowRequests().isEmpty());
        assertThat(scheduler.runNowRequests()).containsExactly("drift-scan");

        Instant now = Instant.now();
        scheduler.publish(List.of(Statuses.scanRunning(false, now), Statuses.stateSyncIdle(now), Statuses.dailyBackingOff(now)));
        services.progress(new ScanProgress("Listing aws_instance in eu-west-1", 3, 8));
        await(() -> "Scan running…".equals(scanNow.getText()));
        assertThat(scanNow.isDisabled()).isTrue();
        await(() -> robot.lookup("#scan-progress-text").queryAs(Label.class).getText().startsWith("Listing aws_instance"));
        // The same card, updated in place.
        assertThat(robot.lookup("#job-state-drift-scan").queryAs(Label.class)).isSameAs(stateBadge);
        assertThat(stateBadge.getText()).isEqualTo("RUNNING");

        services.store(SampleScans.many(3));
        scheduler.publish(Statuses.all(Instant.now()));
        robot.clickOn("#nav-findings");
        await(() -> findingsTable(robot).getItems().size() == 13 && "Scan now".equals(scanNow.getText()));
        assertThat(robot.lookup("#scan-progress-text").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void blockedScanShowsTheReasonInTheStatusBar(FxRobot robot) throws Exception {
        awaitScanShown(robot);
        scheduler.answerRunNowWith(RunNowResult.blocked("no state source configured; add one in Settings"));
        Button scanNow = robot.lookup("#scan-now").queryButton();
        await(() -> !scanNow.isDisabled());

        robot.clickOn(scanNow);

        await(() -> robot.lookup("#status-message").queryAs(Label.class).getText()
                .equals("Scan blocked: no state source configured; add one in Settings"));
    }
}
