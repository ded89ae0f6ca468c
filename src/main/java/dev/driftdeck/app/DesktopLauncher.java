package dev.driftdeck.app;

import javafx.application.Application;

/** Starts the JavaFX toolkit with {@link DriftdeckApplication}; kept apart so the CLI path never loads JavaFX. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(DriftdeckApplication.class, args);
    }
}
