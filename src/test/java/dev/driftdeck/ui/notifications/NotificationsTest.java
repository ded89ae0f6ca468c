package dev.driftdeck.ui.notifications;

import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ConsoleViewModel;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.ScanHistories;
import dev.driftdeck.ui.Statuses;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Through the whole console view model: only a stored scan with new drift notifies, in the window and on the desktop. */
class NotificationsTest {

    private final InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all()), SampleScans.small());
    private final ConsoleViewModel console = new ConsoleViewModel(services, BackgroundTasks.sameThread(),
            Clock.fixed(Statuses.NOW, ZoneOffset.UTC));
    private final List<String> desktop = new CopyOnWriteArrayList<>();

    NotificationsTest() {
        console.notifications().setDesktopNotifier((title, body) -> desktop.add(title + " | " + body));
    }

    @Test
    void openingTheConsoleOnOldDriftSaysNothing() {
        console.start();

        assertThat(console.notifications().visibleProperty().get()).isFalse();
        assertThat(desktop).isEmpty();
    }

    @Test
    void aScanWithTheSameDriftSaysNothingAndOneWithNewDriftNotifiesOnce() {
        console.start();

        services.store(ScanHistories.later(15, f -> f));
        assertThat(console.notifications().visibleProperty().get()).isFalse();
        assertThat(desktop).isEmpty();

        services.store(ScanHistories.second());
        assertThat(console.notifications().visibleProperty().get()).isTrue();
        assertThat(console.notifications().titleProperty().get()).isEqualTo("2 new drifts since the last scan");
        assertThat(console.notifications().textProperty().get()).isEqualTo("1 changed · 1 unmanaged, e.g. module.net.aws_vpc.main");
        assertThat(desktop).containsExactly("2 new drifts since the last scan | 1 changed · 1 unmanaged, e.g. module.net.aws_vpc.main");

        console.notifications().dismiss();
        assertThat(console.notifications().visibleProperty().get()).isFalse();
        assertThat(console.notifications().announcedCount()).isEqualTo(1);
    }

    @Test
    void aFailingDesktopNotifierNeverBreaksTheConsole() {
        console.notifications().setDesktopNotifier((title, body) -> {
            throw new IllegalStateException("no notification daemon");
        });
        console.start();

        services.store(ScanHistories.second());

        assertThat(console.notifications().visibleProperty().get()).isTrue();
        assertThat(console.findings().rows()).hasSize(10);
    }

    @Test
    void theShownScanCarriesFindingAgesForTheTable() {
        console.start();
        services.store(ScanHistories.second());

        assertThat(console.findings().agesProperty().get().of(new ResourceKey("aws_db_instance", "orders-db")))
                .hasValue(new FindingAge(SampleScans.STARTED, SampleScans.STARTED));
        assertThat(console.findings().agesProperty().get().of(new ResourceKey("aws_vpc", "vpc-0a1b2c")))
                .hasValue(new FindingAge(SampleScans.STARTED, SampleScans.STARTED.plusSeconds(900)));
        assertThat(console.reports().history()).hasSize(2);
        assertThat(console.overview().trend()).hasSize(2);
    }

    @Test
    void notifySendIsOnlyUsedWhereItExists() {
        // On this machine notify-send may or may not exist: either way system() gives a notifier that never throws.
        DesktopNotifier.system().notify("Driftdeck test", "ignore me");
        DesktopNotifier.notifySend(java.nio.file.Path.of("/nonexistent/notify-send")).notify("t", "b");
    }
}
