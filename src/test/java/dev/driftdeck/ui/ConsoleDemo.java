package dev.driftdeck.ui;

import dev.driftdeck.scan.ScanProgress;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Opens the console with sample data, for looking at it (e.g. under Xvfb for a screenshot).
 * Arguments: {@code read-only} shows the gate-closed banner; {@code empty} starts with no scan.
 */
public final class ConsoleDemo extends Application {

    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        var scan = args.contains("empty") ? null : SampleScans.many(300);
        FakeScheduler scheduler = new FakeScheduler(Statuses.all(java.time.Instant.now()));
        InMemoryServices services = args.contains("read-only")
                ? InMemoryServices.readOnly("Database schema check failed: migration V3__findings_index.sql is pending.", scan)
                : InMemoryServices.withScheduler(scheduler, scan);
        ConsoleWindow window = ConsoleWindow.open(stage, services);
        if (args.contains("running")) {
            var now = java.time.Instant.now();
            scheduler.publish(java.util.List.of(Statuses.scanRunning(true, now), Statuses.stateSyncIdle(now), Statuses.dailyBackingOff(now)));
            services.progress(new ScanProgress("Listing aws_security_group_rule in us-east-1", 23, 40));
        }
        if (args.contains("settings")) {
            javafx.application.Platform.runLater(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#settings-button")).fire());
        }
        if (args.contains("select")) {
            var findings = window.model().findings();
            findings.reportProperty().addListener((obs, old, now) -> findings.selectedProperty().set(findings.rows().getFirst()));
        }
    }

    /** A main outside the Application subclass, so a plain classpath launch works. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(ConsoleDemo.class, args);
        }
    }
}
