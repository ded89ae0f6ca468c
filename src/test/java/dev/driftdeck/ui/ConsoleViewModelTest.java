package dev.driftdeck.ui;

import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.drift.ScanReport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleViewModelTest {

    private final Clock clock = Clock.fixed(Statuses.NOW, ZoneOffset.UTC);

    @Test
    void startLoadsTheLatestScanIntoEveryPanel() {
        InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all()), SampleScans.small());
        ConsoleViewModel model = new ConsoleViewModel(services, BackgroundTasks.sameThread(), clock);

        model.start();

        assertThat(model.readOnly()).isFalse();
        assertThat(model.findings().rows()).hasSize(10);
        assertThat(model.summary().coverageTextProperty().get()).isEqualTo("Coverage 62%");
        assertThat(model.scheduler().jobs()).hasSize(3);
    }

    @Test
    void aStoredScanHidesProgressAndReloads() {
        InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all()), null);
        ConsoleViewModel model = new ConsoleViewModel(services, BackgroundTasks.sameThread(), clock);
        model.start();
        assertThat(model.findings().rows()).isEmpty();

        services.progress(new ScanProgress("Listing aws_instance", 3, 4));
        assertThat(model.progress().activeProperty().get()).isTrue();
        services.store(SampleScans.small());

        assertThat(model.progress().activeProperty().get()).isFalse();
        assertThat(model.findings().rows()).hasSize(10);
    }

    @Test
    void theFirstRunGuideShowsOnlyOnAWritableConsoleWithNoStoredScan() {
        ConsoleViewModel empty = new ConsoleViewModel(InMemoryServices.withScheduler(new FakeScheduler(Statuses.all()), null),
                BackgroundTasks.sameThread(), clock);
        ConsoleViewModel scanned = new ConsoleViewModel(InMemoryServices.withScheduler(new FakeScheduler(Statuses.all()),
                SampleScans.small()), BackgroundTasks.sameThread(), clock);
        ConsoleViewModel readOnly = new ConsoleViewModel(InMemoryServices.readOnly("schema from a newer Driftdeck", null),
                BackgroundTasks.sameThread(), clock);

        empty.start();
        scanned.start();
        readOnly.start();

        assertThat(empty.guide().visibleProperty().get()).isTrue();
        assertThat(scanned.guide().visibleProperty().get()).isFalse();
        assertThat(scanned.guide().scanDoneProperty().get()).isTrue();
        assertThat(readOnly.guide().visibleProperty().get()).as("nothing a read-only console could do").isFalse();
    }

    @Test
    void aFailedScanThatIsNeverStoredStillHidesItsProgressWhenTheJobStops() {
        FakeScheduler scheduler = new FakeScheduler(Statuses.all());
        InMemoryServices services = InMemoryServices.withScheduler(scheduler, SampleScans.small());
        ConsoleViewModel model = new ConsoleViewModel(services, BackgroundTasks.sameThread(), clock);
        model.start();

        scheduler.publish(java.util.List.of(Statuses.scanRunning(false)));
        services.progress(new ScanProgress("Listing aws_instance", 1, 4));
        assertThat(model.progress().activeProperty().get()).isTrue();
        scheduler.publish(Statuses.all()); // back to IDLE, nothing stored

        assertThat(model.progress().activeProperty().get()).isFalse();
    }

    @Test
    void aSlowOlderLoadDoesNotOverwriteANewerScan() {
        java.util.Deque<Runnable> uiCallbacks = new ArrayDeque<>();
        InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all()), SampleScans.many(5));
        ConsoleViewModel model = new ConsoleViewModel(services, new BackgroundTasks(Runnable::run, uiCallbacks::push), clock);

        model.reload();                       // reads the older scan (15 findings)
        services.store(SampleScans.small());  // nobody subscribed: only the store changed
        model.reload();                       // reads the newer scan (10 findings)
        // The results arrive newest first: the older one, arriving last, must be dropped.
        while (!uiCallbacks.isEmpty()) {
            uiCallbacks.pop().run();
        }

        assertThat(model.findings().rows()).hasSize(10);
    }

    @Test
    void noSchedulerMeansReadOnlyWithTheGivenReason() {
        ConsoleViewModel model = new ConsoleViewModel(
                InMemoryServices.readOnly("Database schema check failed: migration V3 pending", SampleScans.small()),
                BackgroundTasks.sameThread(), clock);
        model.start();

        assertThat(model.readOnly()).isTrue();
        assertThat(model.readOnlyReason()).isEqualTo("Database schema check failed: migration V3 pending");
        assertThat(model.scheduler().scanButtonDisabledProperty().get()).isTrue();
        assertThat(model.findings().rows()).hasSize(10);
    }

    @Test
    void anAbsentSchedulerWithoutAReasonIsStillReadOnly() {
        ConsoleViewModel model = new ConsoleViewModel(InMemoryServices.readOnly(null, null), BackgroundTasks.sameThread(), clock);

        assertThat(model.readOnly()).isTrue();
        assertThat(model.readOnlyReason()).isEqualTo("The scheduler is not running.");
    }

    @Test
    void aFailedLoadIsReportedInTheStatusMessage() {
        ConsoleServices failing = new DelegatingServices(InMemoryServices.withScheduler(new FakeScheduler(Statuses.all()), null)) {
            @Override
            public Optional<ScanReport> latestScan() throws Exception {
                throw new java.sql.SQLException("Database may be already in use");
            }
        };
        ConsoleViewModel model = new ConsoleViewModel(failing, BackgroundTasks.sameThread(), clock);

        model.start();

        assertThat(model.messageProperty().get()).isEqualTo("Could not load the last scan: Database may be already in use");
    }

    @Test
    void closeUnsubscribesFromEverything() {
        FakeScheduler scheduler = new FakeScheduler(Statuses.all());
        InMemoryServices services = InMemoryServices.withScheduler(scheduler, null);
        ConsoleViewModel model = new ConsoleViewModel(services, BackgroundTasks.sameThread(), clock);
        model.start();

        model.close();
        services.store(SampleScans.small());

        assertThat(scheduler.subscriberCount()).isZero();
        assertThat(model.findings().rows()).isEmpty();
    }

    /** Forwards everything; tests override one method. */
    private static class DelegatingServices implements ConsoleServices {
        private final ConsoleServices delegate;

        DelegatingServices(ConsoleServices delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<dev.driftdeck.schedule.SchedulerControl> scheduler() {
            return delegate.scheduler();
        }

        @Override
        public Optional<String> readOnlyReason() {
            return delegate.readOnlyReason();
        }

        @Override
        public Optional<ScanReport> latestScan() throws Exception {
            return delegate.latestScan();
        }

        @Override
        public AutoCloseable subscribeScanProgress(Consumer<ScanProgress> listener) {
            return delegate.subscribeScanProgress(listener);
        }

        @Override
        public AutoCloseable subscribeScanStored(Runnable listener) {
            return delegate.subscribeScanStored(listener);
        }

        @Override
        public SettingsForm loadSettings() throws Exception {
            return delegate.loadSettings();
        }

        @Override
        public void saveSettings(SettingsForm settings) throws Exception {
            delegate.saveSettings(settings);
        }
    }
}
