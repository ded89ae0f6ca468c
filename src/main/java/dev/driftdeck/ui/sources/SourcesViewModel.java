package dev.driftdeck.ui.sources;

import dev.driftdeck.ui.BackgroundTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import dev.driftdeck.store.ChangeStamp;
import java.util.Map;

/**
 * The Sources page's state and actions. Every call to {@link SourcesServices} runs on the worker of
 * {@link BackgroundTasks}; results come back on the UI executor. A source is saved only after it passed validation
 * (S3 URI shape, profile exists, file found), and the validation error stays visible until the next attempt.
 * What is typed in the URI field is checked as it is typed (an S3 URI in full; a path or glob, which would mean
 * walking the disk, only when added): Add stays off until the text now in the field passed.
 */
public final class SourcesViewModel implements AutoCloseable {

    private final SourcesServices services;
    private final BackgroundTasks tasks;
    private final ObservableList<SourceLine> lines = FXCollections.observableArrayList();
    private final ObservableList<String> configured = FXCollections.observableArrayList();
    /** Who last added or removed each configured source, by the source as configured. */
    private final ObservableMap<String, ChangeStamp> changes = FXCollections.observableHashMap();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final AutoCloseable synced;
    /** How many finished syncs this view has heard of (FX thread); "Sync started" never replaces a newer summary. */
    private long syncsFinished;
    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper inputValid = new ReadOnlyBooleanWrapper(false);
    /** Only the check of the text now in the field may set {@link #inputValid}: typing outruns the checks. */
    private final AtomicLong inputCheck = new AtomicLong();
    private Runnable onSaved = () -> { };
    private final StringProperty cloudTrail = new SimpleStringProperty("");

    public SourcesViewModel(SourcesServices services, BackgroundTasks tasks) {
        this.services = services;
        this.tasks = tasks;
        this.synced = services.onSynced(summary -> tasks.ui().execute(() -> {
            syncsFinished++;
            message.set(summary);
            refresh();
        }));
        input.addListener((obs, old, now) -> checkInput(now));
    }

    /** Runs after every saved change of the list (the console re-checks its first-run steps). */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = onSaved;
    }

    private record Loaded(List<SourceLine> lines, List<String> configured, Map<String, ChangeStamp> changes,
                          String cloudTrail) {
    }

    /** Reloads the status table, the configured list, who changed it and where who changed the drift is looked up. */
    public void refresh() {
        tasks.run(() -> new Loaded(services.sources(), services.configured(), services.changes(),
                services.cloudTrail()), loaded -> {
            lines.setAll(loaded.lines());
            changes.clear();
            changes.putAll(loaded.changes());
            configured.setAll(loaded.configured());
            cloudTrail.set(loaded.cloudTrail() == null ? "" : loaded.cloudTrail());
        }, e -> message.set("Loading the sources failed: " + e.getMessage()));
    }

    /** Saves the trail logs field (blank: CloudTrail Event history); a bad URI is the problem line, nothing saved. */
    public void saveCloudTrail() {
        String uri = cloudTrail.get() == null ? "" : cloudTrail.get().strip();
        busy.set(true);
        tasks.run(() -> services.saveCloudTrail(uri), found -> {
            busy.set(false);
            if (found.isPresent()) {
                problem.set(found.get());
                return;
            }
            problem.set("");
            message.set(uri.isEmpty() ? "Who changed it: looked up in CloudTrail Event history from the next scan"
                    : "Who changed it: read from the trail's logs in " + uri + " from the next scan");
        }, e -> {
            busy.set(false);
            message.set("Saving where CloudTrail is read failed: " + e.getMessage());
        });
    }

    /** The trail's logs {@code s3://bucket/prefix/}, blank for CloudTrail Event history. */
    public StringProperty cloudTrailProperty() {
        return cloudTrail;
    }

    /**
     * Asks the scheduler for a sync now and says what it answered; the table reloads when a sync finishes (this one
     * or any other).
     */
    public void syncNow() {
        busy.set(true);
        message.set("Requesting a sync…");
        long finishedBefore = syncsFinished;
        tasks.run(services::syncNow, result -> {
            busy.set(false);
            switch (result.kind()) {
                case STARTED -> {
                    if (syncsFinished == finishedBefore) { // else it already ended and its summary is showing
                        message.set("Sync started; the table updates when it ends");
                    }
                }
                case MERGED -> message.set("A sync is already running; one more follows it");
                case BLOCKED -> message.set("Sync blocked: "
                        + (result.reason() == null ? "no reason given" : result.reason()));
            }
        }, e -> {
            busy.set(false);
            message.set("Could not request a sync: " + e.getMessage());
        });
    }

    /** Stops listening for finished syncs; idempotent. */
    @Override
    public void close() {
        try {
            synced.close();
        } catch (Exception e) {
            // Unsubscribing only removes a listener from a list; the view is going away either way.
            org.slf4j.LoggerFactory.getLogger(SourcesViewModel.class).debug("Unsubscribing from syncs failed", e);
        }
    }

    /** Adds what is typed in the URI field and empties the field. */
    public void addInput() {
        add(input.get(), () -> input.set(""));
    }

    /** Adds a file or folder the operator chose. */
    public void addPath(Path path) {
        add(path.toString(), () -> { });
    }

    private void checkInput(String text) {
        long check = inputCheck.incrementAndGet();
        inputValid.set(false);
        if (text == null || text.isBlank()) {
            problem.set("");
            return;
        }
        tasks.run(() -> services.typingProblem(text), found -> {
            if (check == inputCheck.get()) {
                problem.set(found.orElse(""));
                inputValid.set(found.isEmpty());
            }
        }, e -> {
            if (check == inputCheck.get()) {
                problem.set("Checking the source failed: " + e.getMessage());
            }
        });
    }

    private void add(String uri, Runnable afterSave) {
        change(uri, list -> list.add(uri.strip()), "Added " + (uri == null ? "" : uri.strip()), afterSave);
    }

    public void replace(int index, String uri) {
        change(uri, list -> list.set(index, uri.strip()), "Changed to " + (uri == null ? "" : uri.strip()), () -> { });
    }

    public void remove(int index) {
        if (index < 0 || index >= configured.size()) {
            return;
        }
        List<String> next = new ArrayList<>(configured);
        String removed = next.remove(index);
        save(next, "Removed " + removed, () -> { });
    }

    private void change(String uri, java.util.function.Consumer<List<String>> edit, String done, Runnable afterSave) {
        busy.set(true);
        List<String> next = new ArrayList<>(configured);
        tasks.run(() -> services.problem(uri), found -> {
            busy.set(false);
            if (found.isPresent()) {
                problem.set(found.get());
                return;
            }
            problem.set("");
            edit.accept(next);
            save(next, done, afterSave);
        }, e -> {
            busy.set(false);
            problem.set("Checking the source failed: " + e.getMessage());
        });
    }

    private void save(List<String> next, String done, Runnable afterSave) {
        tasks.run(() -> {
            services.saveConfigured(next);
            return services.changes();
        }, saved -> {
            changes.clear();
            changes.putAll(saved);
            configured.setAll(next);
            message.set(done + ". Sync now to read it.");
            afterSave.run();
            onSaved.run();
        }, e -> message.set("Saving the sources failed: " + e.getMessage()));
    }

    public ObservableList<SourceLine> lines() {
        return lines;
    }

    public ObservableList<String> configured() {
        return configured;
    }

    /** Who last added each configured source and when, by the source; filled with {@link #configured()}. */
    public ObservableMap<String, ChangeStamp> changes() {
        return changes;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** The S3 URI (or path, or glob) being typed. */
    public StringProperty inputProperty() {
        return input;
    }

    /** True once the text now in the field passed validation. */
    public ReadOnlyBooleanProperty inputValidProperty() {
        return inputValid.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** For tests and the view: the validation error shown, if any. */
    public Optional<String> problem() {
        return problem.get().isEmpty() ? Optional.empty() : Optional.of(problem.get());
    }
}
