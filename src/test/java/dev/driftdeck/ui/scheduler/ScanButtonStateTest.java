package dev.driftdeck.ui.scheduler;

import dev.driftdeck.ui.Statuses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScanButtonStateTest {

    @Test
    void idle() {
        assertThat(ScanButtonState.of(false, Statuses.scanIdle(), false, false)).isEqualTo(new ScanButtonState("Scan now", false));
    }

    @Test
    void beforeTheFirstSnapshotAClickIsStillAllowed() {
        assertThat(ScanButtonState.of(false, null, false, false)).isEqualTo(new ScanButtonState("Scan now", false));
    }

    @Test
    void running() {
        assertThat(ScanButtonState.of(false, Statuses.scanRunning(false), false, false))
                .isEqualTo(new ScanButtonState("Scan running…", true));
    }

    @Test
    void mergedOrFollowUpQueued() {
        assertThat(ScanButtonState.of(false, Statuses.scanRunning(false), false, true)).isEqualTo(new ScanButtonState("Queued", true));
        assertThat(ScanButtonState.of(false, Statuses.scanRunning(true), false, false)).isEqualTo(new ScanButtonState("Queued", true));
    }

    @Test
    void readOnlyWinsOverEverything() {
        assertThat(ScanButtonState.of(true, Statuses.scanIdle(), false, false)).isEqualTo(new ScanButtonState("Scan now", true));
        assertThat(ScanButtonState.of(true, Statuses.scanRunning(true), true, true).disabled()).isTrue();
    }

    @Test
    void requestInFlight() {
        assertThat(ScanButtonState.of(false, Statuses.scanIdle(), true, false)).isEqualTo(new ScanButtonState("Requesting…", true));
    }
}
