package dev.driftdeck.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.schedule.Job;
import dev.driftdeck.schedule.JobContext;
import dev.driftdeck.schedule.JobDefinition;
import dev.driftdeck.schedule.JobScheduler;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.scheduler.SchedulerView;
import dev.driftdeck.ui.scheduler.SchedulerViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The scheduler panel over a real scheduler on a real H2 (real threads, bounded waits). */
@ExtendWith(ApplicationExtension.class)
class SchedulerPanelFxTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();
    private Database db;
    private JobScheduler scheduler;
    private SchedulerViewModel model;
    private SchedulerView view;

    @Start
    void start(Stage stage) throws Exception {
        db = Database.open(Files.createTempDirectory("scheduler-panel").resolve("driftdeck"));
        Migrations.migrateAndVerify(db);
        Job scan = new Job() {
            @Override
            public String name() {
                return "drift-scan";
            }

            @Override
            public RunOutcome run(JobContext context) throws Exception {
                if (runs.incrementAndGet() == 1) {
                    release.await(20, TimeUnit.SECONDS); // the first run is long
                }
                return RunOutcome.SUCCEEDED;
            }
        };
        scheduler = JobScheduler.create(Clock.systemUTC(), new JdbcRunStore(db),
                List.of(new JobDefinition(scan, Duration.ofHours(1), true, false)),
                new SchedulerOptions(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMinutes(5)));
        scheduler.start();
        model = new SchedulerViewModel(Optional.of(scheduler), BackgroundTasks.daemon("panel-test"), Clock.systemUTC());
        view = new SchedulerView(model);
        model.start();
        view.startCountdown();
        stage.setScene(new Scene(view, 520, 320));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        release.countDown();
        robot.interact(view::stopCountdown);
        model.close();
        scheduler.close();
        db.close();
    }

    @Test
    void pauseGreysTheJobAndStopsItsCountdown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#job-next-drift-scan").startsWith("next in"));

        robot.clickOn("#job-pause-drift-scan");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#job-state-drift-scan").equals("PAUSED"));
        Node facts = robot.lookup("#job-next-drift-scan").query().getParent().getParent();
        assertThat(facts.getOpacity()).as("greyed").isLessThan(0.5);
        assertThat(text(robot, "#job-next-drift-scan")).isEqualTo("paused");
        assertThat(robot.lookup("#job-pause-drift-scan").queryButton().getText()).isEqualTo("Resume");
        assertThat(robot.lookup("#job-run-now-drift-scan").queryButton().isDisabled()).isTrue();
        robot.sleep(1200); // one countdown tick of the view's timeline
        assertThat(text(robot, "#job-next-drift-scan")).as("the countdown does not move").isEqualTo("paused");

        robot.clickOn("#job-pause-drift-scan");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#job-next-drift-scan").startsWith("next in"));
        assertThat(facts.getOpacity()).isEqualTo(1.0);
    }

    @Test
    void runNowDuringARunShowsQueuedAndThenRunsOnce(FxRobot robot) throws Exception {
        robot.clickOn("#job-run-now-drift-scan");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#job-state-drift-scan").startsWith("RUNNING"));

        robot.clickOn("#job-run-now-drift-scan");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#job-run-now-drift-scan").queryButton().getText().equals("Queued"));
        Button runNow = robot.lookup("#job-run-now-drift-scan").queryButton();
        assertThat(runNow.isDisabled()).isTrue();
        assertThat(text(robot, "#job-state-drift-scan")).isEqualTo("RUNNING · follow-up queued");

        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.get() == 2
                && text(robot, "#job-state-drift-scan").equals("IDLE"));
        assertThat(robot.lookup("#job-run-now-drift-scan").queryButton().getText()).isEqualTo("Run now");
        assertThat(new JdbcRunStore(db).recentRuns("drift-scan", 10)).hasSize(2);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
