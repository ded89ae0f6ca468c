package dev.driftdeck.cli;

import dev.driftdeck.scan.ScanRequest;
import dev.driftdeck.store.DatabaseLocation;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Runs the scheduler without a window for {@code driftdeck serve}. The CLI never builds the scheduler itself: the
 * launcher ({@code dev.driftdeck.app.Main}) hands in the desktop bootstrap's, so serve has the console's gate and jobs.
 */
@FunctionalInterface
public interface ServeHost {

    /** Without a launcher behind the CLI (tests that run commands in-process): serve is refused with exit code 2. */
    ServeHost NONE = (db, scan, every, out) -> {
        throw new IllegalStateException("serve runs only from the driftdeck launcher (dev.driftdeck.app.Main)");
    };

    /**
     * Serves until the process is told to stop (SIGTERM), then returns the exit code.
     *
     * @param scan  what each drift scan scans, or null for the settings stored in the database
     * @param every the drift scan's interval, or null for the stored one
     */
    int serve(DatabaseLocation db, ScanRequest scan, Duration every, PrintWriter out) throws Exception;
}
