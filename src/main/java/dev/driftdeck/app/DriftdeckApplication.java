package dev.driftdeck.app;

import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.store.DatabaseLockedException;
import dev.driftdeck.ui.ConsoleWindow;
import dev.driftdeck.ui.DesktopPorts;
import dev.driftdeck.ui.comfort.PreferenceStore;
import java.util.Optional;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop console's lifecycle. {@link #init()} runs the bootstrap on the launcher thread (the FX thread stays
 * free), {@link #start(Stage)} opens the window, {@link #stop()} stops the scheduler and closes the database.
 */
public final class DriftdeckApplication extends Application {

    private static final Logger log = LoggerFactory.getLogger(DriftdeckApplication.class);

    private DesktopBootstrap.Desktop desktop;
    private RuntimeException bootFailure;
    private ConsoleWindow window;
    private PreferenceStore preferences;

    @Override
    public void init() {
        try {
            Optional<DesktopArguments> arguments = DesktopArguments.parse(getParameters().getRaw().toArray(String[]::new));
            Path dataDir = arguments.map(DesktopArguments::dataDir).orElse(null);
            String database = arguments.map(DesktopArguments::database).orElse(null);
            desktop = DesktopBootstrap.boot(DataDirectory.resolve(dataDir), database, Clock.systemDefaultZone());
            // Loaded here, off the FX thread: the first read of the user's preferences touches the disk.
            preferences = PreferenceStore.userPreferences();
        } catch (RuntimeException e) {
            bootFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (bootFailure != null) {
            String message = bootFailure instanceof DatabaseLockedException
                    ? bootFailure.getMessage()
                    : "Driftdeck could not start: " + bootFailure.getMessage();
            log.error("{}", message, bootFailure);
            System.err.println(message);
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.setHeaderText("Driftdeck cannot open its database");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        window = ConsoleWindow.open(stage, desktop.services(),
                new DesktopPorts(preferences, Optional.of(getHostServices()::showDocument)));
        StartupProbe.fromEnvironment().ifPresent(probe -> probe.watch(stage));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (desktop != null) {
            desktop.close();
        }
    }
}
