package dev.driftdeck.app;

import dev.driftdeck.scan.ScanService;
import dev.driftdeck.schedule.SchedulerOptions;
import dev.driftdeck.store.DataDirectory;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a separate JVM by {@link DesktopBootstrapTest}: a first Driftdeck, booted for real (database, migrations,
 * scheduler), that says BOOTED and runs until its stdin closes.
 */
public final class RunningDriftdeck {

    public static void main(String[] args) throws Exception {
        try (DesktopBootstrap.Desktop desktop = DesktopBootstrap.boot(new DataDirectory(Path.of(args[0])),
                Clock.systemUTC(), ScanService.standard(Clock.systemUTC()), SchedulerOptions.defaults())) {
            System.out.println(desktop.runningScheduler().isPresent() ? "BOOTED" : "READ-ONLY");
            System.out.flush();
            while (System.in.read() != -1) {
                // run until the test closes our stdin
            }
        }
    }
}
