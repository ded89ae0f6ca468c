package dev.driftdeck.ui.sources;

import dev.driftdeck.ui.BackgroundTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Sources view's state and actions. Every call to {@link SourcesServices} runs on the worker of
 * {@link BackgroundTasks}; results come back on the UI executor. A source is saved only after it passed validation
 * (S3 URI shape, profile exists, file found), and the validation error stays visible until the next attempt.
 */
public final class SourcesViewModel implements AutoCloseable {

    private final SourcesServices services;
    private final BackgroundTasks tasks;
    private final ObservableList<SourceLine> lines = FXCollections.observableArrayList();
    private final ObservableList<String> configured = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final AutoCloseable synced;
    /** How many finished syncs this view has heard of (FX thread); "Sync started" never replaces a newer summary. */
    private long syncsFinished;

    public SourcesViewModel(SourcesServices services, BackgroundTasks tasks) {
        this.services = services;
        this.tasks = tasks;
        this.synced = services.onSynced(summary -> tasks.ui().execute(() -> {
            syncsFinished++;
            message.set(summary);
            refresh();
        }));
    }

    private record Loaded(List<SourceLine> lines, List<String> configured) {
    }

    /** Reloads the status table and the configured list. */
    public void refresh() {
        tasks.run(() -> new Loaded(services.sources(), services.configured()), loaded -> {
            lines.setAll(loaded.lines());
            configured.setAll(loaded.configured());
        }, e -> message.set("Loading the sources failed: " + e.getMessage()));
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

    public void add(String uri) {
        change(uri, list -> list.add(uri.strip()), "Added " + (uri == null ? "" : uri.strip()));
    }

    public void replace(int index, String uri) {
        change(uri, list -> list.set(index, uri.strip()), "Changed to " + (uri == null ? "" : uri.strip()));
    }

    public void remove(int index) {
        if (index < 0 || index >= configured.size()) {
            return;
        }
        List<String> next = new ArrayList<>(configured);
        String removed = next.remove(index);
        save(next, "Removed " + removed);
    }

    private void change(String uri, java.util.function.Consumer<List<String>> edit, String done) {
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
            save(next, done);
        }, e -> {
            busy.set(false);
            problem.set("Checking the source failed: " + e.getMessage());
        });
    }

    private void save(List<String> next, String done) {
        tasks.run(() -> services.saveConfigured(next), () -> {
            configured.setAll(next);
            message.set(done + ". Sync now to read it.");
        }, e -> message.set("Saving the sources failed: " + e.getMessage()));
    }

    public ObservableList<SourceLine> lines() {
        return lines;
    }

    public ObservableList<String> configured() {
        return configured;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** For tests and the view: the validation error shown, if any. */
    public Optional<String> problem() {
        return problem.get().isEmpty() ? Optional.empty() : Optional.of(problem.get());
    }
}
