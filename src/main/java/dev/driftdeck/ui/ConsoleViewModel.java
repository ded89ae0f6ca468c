package dev.driftdeck.ui;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.findings.FindingDetailViewModel;
import dev.driftdeck.ui.findings.FindingsViewModel;
import dev.driftdeck.ui.ignore.IgnoreRulesViewModel;
import dev.driftdeck.ui.overview.ScanProgressViewModel;
import dev.driftdeck.ui.overview.SummaryViewModel;
import dev.driftdeck.ui.scheduler.SchedulerViewModel;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole console's state: owns the feature view models, loads the latest scan off the FX thread
 * and applies it to all of them at once, and relays scan progress and "scan stored" events.
 */
public final class ConsoleViewModel implements AutoCloseable {

    /** Shown under the read-only reason: what the operator can do about it. */
    static final String READ_ONLY_HINT = "Findings from the last stored scan are shown; scanning and scheduling are off. "
            + "Fix the cause above and restart Driftdeck.";

    private final ConsoleServices services;
    private final BackgroundTasks tasks;
    private final FindingsViewModel findings;
    private final FindingDetailViewModel detail = new FindingDetailViewModel();
    private final SummaryViewModel summary;
    private final ScanProgressViewModel progress = new ScanProgressViewModel();
    private final SchedulerViewModel scheduler;
    private final IgnoreRulesViewModel ignoreRules;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Optional<String> readOnlyReason;
    /** Only the newest load may apply its result: an older, slower load must not overwrite a newer scan. */
    private final AtomicLong loadSequence = new AtomicLong();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    public ConsoleViewModel(ConsoleServices services, BackgroundTasks tasks, Clock clock) {
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.findings = new FindingsViewModel(tasks);
        this.summary = new SummaryViewModel(clock);
        // No scheduler means read-only, even if the app root forgot to say why.
        this.readOnlyReason = services.readOnlyReason().filter(r -> !r.isBlank())
                .or(() -> services.scheduler().isEmpty() ? Optional.of("The scheduler is not running.") : Optional.empty());
        this.scheduler = new SchedulerViewModel(readOnlyReason.isPresent() ? Optional.empty() : services.scheduler(), tasks, clock);
        detail.findingProperty().bind(findings.selectedProperty());
        this.ignoreRules = new IgnoreRulesViewModel(services.ignoreFile(), tasks, clock);
        ignoreRules.setRescan(scheduler::scanNow);
        detail.setIgnoreActions(new FindingDetailViewModel.IgnoreActions() {
            @Override
            public void ignoreFinding(Finding finding) {
                ignoreRules.ignoreFinding(finding);
            }

            @Override
            public void ignoreAttribute(Finding finding, List<String> path) {
                ignoreRules.ignoreAttribute(finding, path);
            }
        });
        detail.messageProperty().addListener((obs, old, now) -> message.set(now));
        ignoreRules.messageProperty().addListener((obs, old, now) -> message.set(now));
        findings.scanRunningProperty().bind(scheduler.scanRunningProperty());
        scheduler.messageProperty().addListener((obs, old, now) -> message.set(now));
        // A scan that fails is never stored: its progress must still go away when the job stops running.
        scheduler.scanRunningProperty().addListener((obs, was, running) -> {
            if (!running) {
                progress.hide();
            }
        });
    }

    /** Subscribes to progress and "scan stored", starts the scheduler panel and loads the latest scan. */
    public void start() {
        subscriptions.add(services.subscribeScanProgress(new LatestValueRelay<>(tasks.ui(), progress::apply)));
        subscriptions.add(services.subscribeScanStored(() -> tasks.ui().execute(this::onScanStored)));
        scheduler.start();
        reload();
        checkEnvironment();
    }

    /**
     * Finds out, off the FX thread, whether a state source is configured and AWS credentials resolve, so an empty
     * console can say exactly what to do next. Run again after the settings were saved.
     */
    public void checkEnvironment() {
        tasks.run(() -> !services.loadSettings().stateUris().isEmpty(),
                configured -> findings.sourcesConfiguredProperty().set(configured), e -> { });
        tasks.run(services::awsCredentialsProblem,
                problem -> findings.credentialsProblemProperty().set(problem.orElse(null)), e -> { });
    }

    /** Loads the latest scan in the background and shows it; stale results are dropped. */
    public void reload() {
        long sequence = loadSequence.incrementAndGet();
        tasks.run(this::loadLatest, loaded -> {
            if (sequence != loadSequence.get()) {
                return;
            }
            loaded.ifPresent(scan -> {
                findings.show(scan.report(), scan.prepared());
                ignoreRules.showScan(scan.prepared());
                summary.show(scan.figures());
            });
        }, e -> message.set("Could not load the last scan: " + e.getMessage()));
    }

    private Optional<LoadedScan> loadLatest() throws Exception {
        // Sorting and counting 100,000 findings is work too: do it here, not on the FX thread.
        return services.latestScan().map(report ->
                new LoadedScan(report, FindingsViewModel.prepare(report), SummaryViewModel.figures(report)));
    }

    private void onScanStored() {
        progress.hide();
        reload();
    }

    public boolean readOnly() {
        return readOnlyReason.isPresent();
    }

    /** Why the console is read-only, or "" when it is not. */
    public String readOnlyReason() {
        return readOnlyReason.orElse("");
    }

    public String readOnlyHint() {
        return READ_ONLY_HINT;
    }

    public FindingsViewModel findings() {
        return findings;
    }

    public FindingDetailViewModel detail() {
        return detail;
    }

    public IgnoreRulesViewModel ignoreRules() {
        return ignoreRules;
    }

    public SummaryViewModel summary() {
        return summary;
    }

    public ScanProgressViewModel progress() {
        return progress;
    }

    public SchedulerViewModel scheduler() {
        return scheduler;
    }

    public ConsoleServices services() {
        return services;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The latest message for the status bar: scheduler answers, load or settings errors. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void showMessage(String text) {
        message.set(text);
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // Closing a listener registration must not stop the others from closing.
            }
        }
        subscriptions.clear();
        scheduler.close();
    }

    private record LoadedScan(ScanReport report, List<Finding> prepared, SummaryViewModel.Figures figures) {
    }
}
