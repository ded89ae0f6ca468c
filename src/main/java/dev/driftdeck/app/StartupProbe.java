package dev.driftdeck.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measures start-up for docs/BENCHMARKS.md: the time from JVM start to the first moment the window is interactive,
 * i.e. its first pulse (layout and render) is done and the FX thread is free for input. Switched on by the
 * environment variable {@code DRIFTDECK_STARTUP_PROBE} (an environment variable, because the packaged launcher
 * passes no JVM options through): {@code print} writes one line to stderr, {@code exit} also closes the app, for
 * repeated timing runs and the AppCDS training run.
 */
final class StartupProbe {

    static final String VARIABLE = "DRIFTDECK_STARTUP_PROBE";

    private final boolean exitAfterward;

    private StartupProbe(boolean exitAfterward) {
        this.exitAfterward = exitAfterward;
    }

    static Optional<StartupProbe> fromEnvironment() {
        String mode = System.getenv(VARIABLE);
        if (mode == null || mode.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StartupProbe(mode.strip().toLowerCase(Locale.ROOT).equals("exit")));
    }

    /** Call on the FX thread right after the stage was shown, before its first pulse. */
    void watch(Stage stage) {
        Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // Queued behind the pulse now running: it runs once that frame is rendered and input can be handled.
            Platform.runLater(this::report);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void report() {
        long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.println("driftdeck-startup: window interactive " + elapsed + " ms after JVM start");
        System.err.flush();
        if (exitAfterward) {
            Platform.exit();
        }
    }
}
