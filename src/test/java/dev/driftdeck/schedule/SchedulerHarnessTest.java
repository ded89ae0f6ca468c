package dev.driftdeck.schedule;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler stories' common ground: a fresh {@link SchedulerHarness} on a temp H2 database per test. */
abstract class SchedulerHarnessTest {

    @TempDir
    Path dir;
    SchedulerHarness harness;

    @BeforeEach
    void openHarness() {
        harness = new SchedulerHarness(dir);
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }
}
