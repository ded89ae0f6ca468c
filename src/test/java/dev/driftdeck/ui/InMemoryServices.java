package dev.driftdeck.ui;

import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.schedule.SchedulerControl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** {@link ConsoleServices} over plain fields, for UI tests and the demo launcher. */
public final class InMemoryServices implements ConsoleServices {

    private final SchedulerControl scheduler;
    private final String readOnlyReason;
    private volatile ScanReport latest;
    private volatile SettingsForm settings = SettingsForm.defaults();
    private final List<Consumer<ScanProgress>> progressListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> storedListeners = new CopyOnWriteArrayList<>();
    private volatile Path ignoreFile;
    private volatile String credentialsProblem;

    private InMemoryServices(SchedulerControl scheduler, String readOnlyReason, ScanReport latest) {
        this.scheduler = scheduler;
        this.readOnlyReason = readOnlyReason;
        this.latest = latest;
    }

    public static InMemoryServices withScheduler(SchedulerControl scheduler, ScanReport latest) {
        return new InMemoryServices(scheduler, null, latest);
    }

    public static InMemoryServices readOnly(String reason, ScanReport latest) {
        return new InMemoryServices(null, reason, latest);
    }

    /** Stores a new scan and tells the console, as the drift-scan job does. */
    public void store(ScanReport report) {
        latest = report;
        storedListeners.forEach(Runnable::run);
    }

    public void progress(ScanProgress progress) {
        progressListeners.forEach(l -> l.accept(progress));
    }

    /** Lets the console edit this {@code .driftignore}. */
    public InMemoryServices withIgnoreFile(Path file) {
        this.ignoreFile = file;
        return this;
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
        settings = form;
    }
}
