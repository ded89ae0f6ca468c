package dev.driftdeck.app;

import dev.driftdeck.cli.DriftdeckCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one entry point: no arguments (or only {@code --data-dir PATH}) opens the desktop console, anything else is
 * the headless CLI (which never builds the scheduler). Not a JavaFX {@code Application} itself, so the CLI starts no toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (DesktopArguments.parse(args).isPresent()) {
            DesktopLauncher.launch(args);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(DriftdeckCommand.execute(args, out, err, HeadlessServer::serve));
    }
}
