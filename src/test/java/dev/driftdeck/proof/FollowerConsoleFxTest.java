package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.app.DesktopBootstrap;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.scan.StateLoaders;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.schedule.Trigger;
import dev.driftdeck.state.StateCache;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PostgresServer;
import dev.driftdeck.ui.ConsoleWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A follower console in this JVM on a real PostgreSQL whose leader is a real {@code driftdeck serve} process scanning
 * a tiny state against moto every 10 s: the scheduler page names the leader, a scan the leader stores appears in
 * the console, and the console's Scan now (F5) is served by the leader, MERGED into its running scan or STARTED when
 * it was idle, with the resulting scan shown.
 */
@ExtendWith(ApplicationExtension.class)
class FollowerConsoleFxTest {

    @TempDir
    static Path temp;

    private static DatabaseLocation.Postgres location;
    private static ChildJvm serve;
    private static Database db;
    private static String leader;
    private DesktopBootstrap.Desktop desktop;
    private ConsoleWindow window;
    private long newestAtOpen;

    @BeforeAll
    static void startTheLeader() throws Exception {
        location = PostgresServer.shared().createDatabase();
        List<ChildJvm> started = new ArrayList<>();
        try {
            ServeProcesses.start(1, location, MotoServer.shared().endpoint(), temp, started);
        } finally {
            serve = started.isEmpty() ? null : started.getFirst(); // stopped after all, even if it never served
        }
        db = Database.open(location);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> LeaderLock.status(db).held());
        leader = LeaderLock.status(db).holder();
    }

    @AfterAll
    static void stopTheLeader() throws Exception {
        if (db != null) {
            db.close();
        }
        if (serve != null) {
            serve.terminate();
            serve.waitForExit(Duration.ofSeconds(30));
            serve.close();
        }
    }

    @Start
    void start(Stage stage) {
        newestAtOpen = newestScan();
        Clock clock = Clock.systemUTC();
        desktop = DesktopBootstrap.boot(new DataDirectory(temp.resolve("console")), location.toString(), clock,
                ScanService.standard(clock), StateLoaders.standard(new StateCache()), SchedulerOptions.defaults());
        window = ConsoleWindow.open(stage, desktop.services());
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
        desktop.close();
    }

    @Test
    void aFollowerConsoleShowsTheLeaderItsScansAndHasItsScanNowServedByIt(FxRobot robot) throws Exception {
        robot.clickOn("#nav-scheduler");
        await(30, () -> text(robot, "#team-leader").startsWith("Following " + leader + ", which leads "
                + location + " since "));
        assertThat(desktop.runningScheduler()).as("the console follows: it runs no job").isEmpty();

        // A scan the leader stores after the console opened is shown (LISTEN hint, 5 s poll as the floor).
        await(90, () -> shownScan() > newestAtOpen && shownScan() == newestScan());

        // F5 while the follower's page shows the leader's scan RUNNING (the request goes out all the same), or, when
        // a scan is too short for the 5 s poll to catch it running, while it shows IDLE.
        boolean sawRunning = seen(40, () -> text(robot, "#job-state-drift-scan").equals("RUNNING"));
        Instant asked = Instant.now();
        robot.press(KeyCode.F5).release(KeyCode.F5);

        Pattern served = Pattern.compile("Scan now was (STARTED|MERGED) by the leader " + Pattern.quote(leader) + ".*");
        await(30, () -> served.matcher(window.model().messageProperty().get()).matches());
        String answer = window.model().messageProperty().get();
        System.out.println("Follower console's Scan now (" + (sawRunning ? "RUNNING" : "not seen running")
                + " on its page): " + answer);

        JdbcRunStore runs = new JdbcRunStore(db);
        JobRun manual = awaitValue(60, () -> runs.runs(new RunQuery("drift-scan", null, 50)).stream()
                .filter(run -> run.trigger() == Trigger.MANUAL && run.outcome() != null).findFirst().orElse(null));
        if (answer.contains("MERGED")) {
            assertThat(manual.startedAt()).as("the follow-up run the leader queued").isAfter(asked);
        }
        ScanSummary resulting = awaitValue(60, () -> scanAfter(manual));
        await(30, () -> shownScan() >= resulting.id());
    }

    private static ScanSummary scanAfter(JobRun run) {
        return new ScanRepository(db).recent(20).stream()
                .filter(scan -> !scan.startedAt().isBefore(run.startedAt())).reduce((newer, older) -> older)
                .orElse(null);
    }

    private long shownScan() {
        var history = window.model().reports().history();
        return history.isEmpty() ? 0 : history.getFirst().id();
    }

    private static long newestScan() {
        return new ScanRepository(db).recent(1).stream().mapToLong(ScanSummary::id).findFirst().orElse(0);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    private static void await(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean seen(int seconds, BooleanSupplier condition) throws Exception {
        try {
            await(seconds, condition);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private static <T> T awaitValue(int seconds, java.util.concurrent.Callable<T> value) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(seconds))
                .pollInterval(Duration.ofMillis(250)).until(value, v -> v != null);
    }
}
