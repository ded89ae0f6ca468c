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
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
    void newDriftBelowTheChosenSeverityStaysQuietAndAtOrAboveItNotifies() {
        console.start();
        dev.driftdeck.ui.SettingsForm high = new dev.driftdeck.ui.SettingsForm(List.of(), List.of(), "", "", false, 15,
                dev.driftdeck.risk.Severity.HIGH);
        services.saveSettings(high);
        console.settingsSaved(high, false);

        // The new drift of the second scan is a changed VPC and an unmanaged resource: below HIGH by default.
        services.store(ScanHistories.second());
        assertThat(console.notifications().visibleProperty().get()).isFalse();
        assertThat(desktop).isEmpty();

        dev.driftdeck.ui.SettingsForm low = new dev.driftdeck.ui.SettingsForm(List.of(), List.of(), "", "", false, 15,
                dev.driftdeck.risk.Severity.LOW);
        services.saveSettings(low);
        console.settingsSaved(low, false);
        services.store(ScanHistories.later(30, f -> f));
        services.store(ScanHistories.second());
        assertThat(console.notifications().announcedCount()).isGreaterThanOrEqualTo(1);
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

    /**
     * The desktop notifier the app uses, end to end, with a recording {@code notify-send} of the test's own first on
     * the PATH (so nothing pops up on the desktop running the tests): silent for old drift, then run once with the
     * banner's title and text.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theSystemNotifierRunsNotifySendFromThePathWithTheBannersTitleAndText(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = recordingNotifySend(bin, 0);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        console.notifications().setDesktopNotifier(DesktopNotifier.system(empty + File.pathSeparator + bin));
        console.start();

        services.store(ScanHistories.later(15, f -> f));
        assertThat(calls).as("old drift runs no notify-send").doesNotExist();

        services.store(ScanHistories.second());
        assertThat(Files.readAllLines(calls, StandardCharsets.UTF_8)).containsExactly(
                "--app-name=Driftdeck", "--icon=dialog-warning",
                console.notifications().titleProperty().get(), console.notifications().textProperty().get());
        assertThat(console.notifications().titleProperty().get()).isEqualTo("2 new drifts since the last scan");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withoutAnExecutableNotifySendOnThePathThereIsNoDesktopNotifier(@TempDir Path dir) throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("notify-send"), "#!/bin/sh\nexit 0\n");

        assertThat(Files.isExecutable(notExecutable)).isFalse();
        assertThat(DesktopNotifier.system(dir.toString())).isSameAs(DesktopNotifier.NONE);
        assertThat(DesktopNotifier.system((String) null)).isSameAs(DesktopNotifier.NONE);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aNotifySendThatFailsOrIsGoneNeverThrows(@TempDir Path dir) throws Exception {
        Path calls = recordingNotifySend(dir, 1);
        DesktopNotifier failing = DesktopNotifier.system(dir.toString());

        assertThatCode(() -> failing.notify("t", "b")).doesNotThrowAnyException();
        assertThat(calls).as("it did run").exists();
        assertThatCode(() -> DesktopNotifier.notifySend(dir.resolve("gone/notify-send")).notify("t", "b"))
                .doesNotThrowAnyException();
    }

    /** A {@code notify-send} in {@code bin} that appends its arguments, one a line, to the returned file. */
    private static Path recordingNotifySend(Path bin, int exitCode) throws IOException {
        Path calls = bin.resolve("notify-send.calls");
        Path script = Files.writeString(bin.resolve("notify-send"),
                "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" + calls + "'\nexit " + exitCode + "\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return calls;
    }
}
