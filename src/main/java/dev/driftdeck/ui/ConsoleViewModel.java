package dev.driftdeck.ui;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.ui.findings.FindingDetailViewModel;
import dev.driftdeck.ui.findings.FindingAgeLookup;
import dev.driftdeck.ui.findings.FindingsViewModel;
import dev.driftdeck.ui.findings.PreparedFindings;
import dev.driftdeck.ui.ignore.IgnoreRulesViewModel;
import dev.driftdeck.ui.notifications.NotificationsViewModel;
import dev.driftdeck.ui.coverage.TypeCoverageViewModel;
import dev.driftdeck.ui.coverage.TypeTally;
import dev.driftdeck.ui.overview.FirstRunGuide;
import dev.driftdeck.ui.overview.OverviewFigures;
import dev.driftdeck.ui.overview.OverviewViewModel;
import dev.driftdeck.ui.overview.ScanProgressViewModel;
import dev.driftdeck.ui.overview.SummaryViewModel;
import dev.driftdeck.ui.reports.ReportsViewModel;
import dev.driftdeck.ui.scheduler.SchedulerViewModel;
import dev.driftdeck.ui.sources.SourcesViewModel;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    /** How many stored scans the overview's trend and the reports page's history show. */
    static final int HISTORY = 60;
    private final Navigation navigation = new Navigation();
    private final OverviewViewModel overview;
    private final FirstRunGuide guide = new FirstRunGuide();
    /** Empty when the console has no sources port (read-only). */
    private final Optional<SourcesViewModel> sources;
    private final ReportsViewModel reports;
    private final NotificationsViewModel notifications;
    private final TypeCoverageViewModel coverage = new TypeCoverageViewModel();
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
        this.overview = new OverviewViewModel(scheduler);
        this.sources = services.sources().map(port -> new SourcesViewModel(port, tasks));
        // A saved source ticks the guide's first step and changes what the empty findings table says.
        sources.ifPresent(model -> {
            model.setOnSaved(this::checkEnvironment);
            model.messageProperty().addListener((obs, old, now) -> message.set(now));
        });
        this.reports = new ReportsViewModel(services, tasks);
        this.notifications = new NotificationsViewModel(tasks);
        detail.findingProperty().bind(findings.selectedProperty());
        this.ignoreRules = new IgnoreRulesViewModel(services.ignoreRules(), tasks, clock);
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
        reports.messageProperty().addListener((obs, old, now) -> message.set(now));
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
        subscriptions.add(services.subscribeTeam(status -> tasks.ui().execute(() -> scheduler.showTeam(status))));
        scheduler.start();
        tasks.run(services::supportedTypes, coverage::catalogLoaded,
                e -> message.set("Could not list the supported types: " + e.getMessage()));
        reload();
        checkEnvironment();
    }

    /**
     * Finds out, off the FX thread, whether a state source is configured and AWS credentials resolve, so an empty
     * console can say exactly what to do next. Run again after the settings were saved.
     */
    public void checkEnvironment() {
        tasks.run(services::loadSettings, settings -> {
            notifications.setMinimumSeverity(settings.notifyAtLeast());
            findings.sourcesConfiguredProperty().set(!settings.stateUris().isEmpty());
            guide.settingsLoaded(settings);
        }, e -> { });
        tasks.run(services::awsCredentialsProblem, problem -> {
            findings.credentialsProblemProperty().set(problem.orElse(null));
            guide.credentialsChecked(problem.orElse(null));
        }, e -> { });
    }

    /**
     * The settings dialog saved {@code saved}; {@code accessTested} says "Test access" had just reached AWS with exactly
     * these settings (the guide's AWS step then needs no named region).
     */
    public void settingsSaved(SettingsForm saved, boolean accessTested) {
        notifications.setMinimumSeverity(saved.notifyAtLeast());
        if (accessTested) {
            guide.accessTested(saved);
        }
        checkEnvironment();
    }

    /** Loads the latest scan in the background and shows it; stale results are dropped. */
    public void reload() {
        reload(false);
    }

    /** As {@link #reload()}; {@code justStored} says a scan was stored now, so its new drift is announced. */
    private void reload(boolean justStored) {
        long sequence = loadSequence.incrementAndGet();
        tasks.run(this::loadLatest, loaded -> {
            if (sequence != loadSequence.get()) {
                return;
            }
            if (loaded.isEmpty() && !readOnly()) {
                guide.noScanStored();
            }
            loaded.ifPresent(scan -> {
                // Ages first: the findings table's age columns read them when the new rows arrive.
                findings.agesProperty().set(scan.ages());
                findings.show(scan.report(), scan.prepared());
                ignoreRules.showScan(scan.prepared().ignored());
                summary.show(scan.figures());
                overview.show(scan.overview());
                coverage.show(scan.tallies());
                reports.show(scan.report(), scan.scanId(), scan.history());
                guide.scanShown();
                if (justStored) {
                    notifications.scanStored(scan.overview().changes());
                }
            });
        }, e -> message.set("Could not load the last scan: " + e.getMessage()));
    }

    /**
     * The latest stored scan with what the overview needs beside it: the previous scan (for new/resolved), the
     * finding ages and the history. Reads the history first and loads scans by its ids, so latest and previous
     * are consistent even when a scan is stored meanwhile.
     */
    private Optional<LoadedScan> loadLatest() throws Exception {
        List<ScanSummary> history = services.recentScans(HISTORY);
        Long scanId = null;
        Optional<ScanReport> latest = Optional.empty();
        ScanReport previous = null;
        Map<ResourceKey, FindingAge> ages = Map.of();
        if (!history.isEmpty()) {
            scanId = history.getFirst().id();
            latest = services.scan(scanId);
            if (latest.isPresent()) {
                ages = services.findingAges(scanId);
                previous = history.size() > 1 ? services.scan(history.get(1).id()).orElse(null) : null;
            } else {
                scanId = null;
            }
        }
        if (latest.isEmpty()) {
            latest = services.latestScan();
        }
        ScanReport before = previous;
        Long id = scanId;
        Map<ResourceKey, FindingAge> scanAges = ages;
        // Sorting, counting and comparing 100,000 findings is work too: do it here, not on the FX thread.
        return latest.map(report -> new LoadedScan(report, id, FindingsViewModel.prepare(report),
                SummaryViewModel.figures(report), OverviewFigures.of(report, before, history),
                FindingAgeLookup.of(scanAges), history, TypeTally.of(report)));
    }

    private void onScanStored() {
        progress.hide();
        reload(true);
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

    public Navigation navigation() {
        return navigation;
    }

    public TypeCoverageViewModel coverage() {
        return coverage;
    }

    public OverviewViewModel overview() {
        return overview;
    }

    public FirstRunGuide guide() {
        return guide;
    }

    /** The Sources page's model; empty when this console cannot edit sources (read-only). */
    public Optional<SourcesViewModel> sources() {
        return sources;
    }

    public ReportsViewModel reports() {
        return reports;
    }

    public NotificationsViewModel notifications() {
        return notifications;
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
        sources.ifPresent(SourcesViewModel::close);
        scheduler.close();
    }

    private record LoadedScan(ScanReport report, Long scanId, PreparedFindings prepared, SummaryViewModel.Figures figures,
                              OverviewFigures overview, FindingAgeLookup ages, List<ScanSummary> history,
                              Map<String, TypeTally> tallies) {
    }
}
