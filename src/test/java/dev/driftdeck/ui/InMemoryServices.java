package dev.driftdeck.ui;

import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.drift.SupportedType;
import dev.driftdeck.schedule.SchedulerControl;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.store.ScanSummary;

import dev.driftdeck.scan.AccessCheck;
import dev.driftdeck.state.s3.StateSourceValidator;
import dev.driftdeck.ui.sources.SourceLine;
import dev.driftdeck.ui.sources.SourcesServices;
import java.nio.file.Path;
import software.amazon.awssdk.profiles.ProfileFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** {@link ConsoleServices} over plain fields, for UI tests and the demo launcher. */
public final class InMemoryServices implements ConsoleServices {

    private final SchedulerControl scheduler;
    private final String readOnlyReason;
    private volatile ScanReport latest;
    /** Every stored scan, oldest first; a scan's id is its position + 1, as a database would number them. */
    private final List<ScanReport> history = new CopyOnWriteArrayList<>();
    private volatile SettingsForm settings = SettingsForm.defaults();
    private final List<Consumer<ScanProgress>> progressListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> storedListeners = new CopyOnWriteArrayList<>();
    private volatile Path ignoreFile;
    private volatile String credentialsProblem;
    private volatile SourcesServices sources;
    private volatile AccessCheck.Result accessAnswer;
    private volatile List<SupportedType> supportedTypes = List.of();
    private volatile DatabaseSetting databaseSetting;

    private InMemoryServices(SchedulerControl scheduler, String readOnlyReason, ScanReport latest) {
        this.scheduler = scheduler;
        this.readOnlyReason = readOnlyReason;
        this.latest = latest;
        if (latest != null) {
            history.add(latest);
        }
    }

    public static InMemoryServices withScheduler(SchedulerControl scheduler, ScanReport latest) {
        return new InMemoryServices(scheduler, null, latest);
    }

    public static InMemoryServices readOnly(String reason, ScanReport latest) {
        return new InMemoryServices(null, reason, latest);
    }

    /** Stores a new scan and tells the console, as the drift-scan job does. */
    public void store(ScanReport report) {
        history.add(report);
        latest = report;
        storedListeners.forEach(Runnable::run);
    }

    public void progress(ScanProgress progress) {
        progressListeners.forEach(l -> l.accept(progress));
    }

    /** The types the Coverage page lists (none unless given). */
    public InMemoryServices withSupportedTypes(List<SupportedType> types) {
        this.supportedTypes = List.copyOf(types);
        return this;
    }

    @Override
    public List<SupportedType> supportedTypes() {
        return supportedTypes;
    }

    /** Lets the console edit this {@code .driftignore}. */
    public InMemoryServices withIgnoreFile(Path file) {
        this.ignoreFile = file;
        return this;
    }

    /**
     * Lets the console edit the state sources: the list is this store's {@link SettingsForm#stateUris()}, checked by
     * the real {@link StateSourceValidator} (files relative to {@code workingDir}, this machine's AWS profiles).
     */
    public InMemoryServices withSources(Path workingDir) {
        StateSourceValidator validator = new StateSourceValidator(workingDir, ProfileFile.defaultProfileFile());
        this.sources = new SourcesServices() {
            @Override
            public List<SourceLine> sources() {
                return List.of();
            }

            @Override
            public dev.driftdeck.schedule.RunNowResult syncNow() {
                return dev.driftdeck.schedule.RunNowResult.started();
            }

            @Override
            public List<String> configured() {
                return settings.stateUris();
            }

            @Override
            public void saveConfigured(List<String> uris) {
                SettingsForm s = settings;
                settings = new SettingsForm(uris, s.regions(), s.profile(), s.endpointUrl(), s.strict(), s.scanIntervalMinutes(),
                        s.notifyAtLeast());
            }

            @Override
            public Optional<String> problem(String uri) {
                return validator.problem(uri);
            }

            @Override
            public Optional<String> typingProblem(String uri) {
                return validator.typingProblem(uri);
            }
        };
        return this;
    }

    @Override
    public Optional<SourcesServices> sources() {
        return Optional.ofNullable(sources);
    }

    /** Answers "Test access" with {@code result}. */
    public InMemoryServices withAccessAnswer(AccessCheck.Result result) {
        this.accessAnswer = result;
        return this;
    }

    @Override
    public AccessCheck.Result testAwsAccess(String profile, List<String> regions, String endpointUrl) throws Exception {
        return accessAnswer == null ? ConsoleServices.super.testAwsAccess(profile, regions, endpointUrl) : accessAnswer;
    }

    /** Makes the credentials check fail with this reason. */
    public InMemoryServices withCredentialsProblem(String problem) {
        this.credentialsProblem = problem;
        return this;
    }

    public InMemoryServices withSettings(SettingsForm form) {
        this.settings = form;
        return this;
    }

    @Override
    public Optional<Path> ignoreFile() {
        return Optional.ofNullable(ignoreFile);
    }

    @Override
    public Optional<String> awsCredentialsProblem() {
        return Optional.ofNullable(credentialsProblem);
    }

    public SettingsForm settings() {
        return settings;
    }

    @Override
    public Optional<SchedulerControl> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    @Override
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    @Override
    public Optional<ScanReport> latestScan() {
        return Optional.ofNullable(latest);
    }

    /** Stores scans as history without telling the console (as if they were stored before it opened). */
    public void preload(ScanReport... reports) {
        for (ScanReport report : reports) {
            history.add(report);
            latest = report;
        }
    }

    @Override
    public List<ScanSummary> recentScans(int limit) {
        List<ScanSummary> newestFirst = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            newestFirst.add(ScanSummary.of(i + 1, history.get(i)));
        }
        return newestFirst;
    }

    @Override
    public Optional<ScanReport> scan(long scanId) {
        return scanId >= 1 && scanId <= history.size() ? Optional.of(history.get((int) scanId - 1)) : Optional.empty();
    }

    @Override
    public Map<ResourceKey, FindingAge> findingAges(long scanId) {
        // The store's rule, applied over the in-memory history.
        Map<ResourceKey, FindingAge> ages = new HashMap<>();
        Map<ResourceKey, FindingStatus> statuses = new HashMap<>();
        for (int i = 0; i < scanId && i < history.size(); i++) {
            ScanReport scan = history.get(i);
            Map<ResourceKey, FindingAge> next = new HashMap<>();
            Map<ResourceKey, FindingStatus> nextStatuses = new HashMap<>();
            for (Finding f : scan.findings()) {
                next.putIfAbsent(f.key(), FindingAge.next(statuses.get(f.key()), ages.get(f.key()), f.status(), scan.startedAt()));
                nextStatuses.putIfAbsent(f.key(), f.status());
            }
            ages = next;
            statuses = nextStatuses;
        }
        return ages;
    }

    @Override
    public AutoCloseable subscribeScanProgress(Consumer<ScanProgress> listener) {
        progressListeners.add(listener);
        return () -> progressListeners.remove(listener);
    }

    @Override
    public AutoCloseable subscribeScanStored(Runnable listener) {
        storedListeners.add(listener);
        return () -> storedListeners.remove(listener);
    }

    @Override
    public SettingsForm loadSettings() {
        return settings;
    }

    @Override
    public void saveSettings(SettingsForm form) {
        if (readOnlyReason != null) {
            throw new IllegalStateException("Settings cannot be saved while the console is read-only: " + readOnlyReason);
        }
        settings = form;
    }

    /** The console's database setting, as the app keeps it in the data directory's console.properties. */
    public InMemoryServices withDatabaseSetting(DatabaseSetting setting) {
        this.databaseSetting = setting;
        return this;
    }

    @Override
    public Optional<DatabaseSetting> databaseSetting() {
        return Optional.ofNullable(databaseSetting);
    }

    @Override
    public void saveDatabaseSetting(String value) {
        DatabaseSetting now = databaseSetting;
        databaseSetting = new DatabaseSetting(value, now.inUse(), now.source());
    }
}
