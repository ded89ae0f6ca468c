package dev.driftdeck.ui.channels;

import dev.driftdeck.notify.Notifier;
import dev.driftdeck.store.NotificationSettings;
import dev.driftdeck.store.NotificationSettings.Digest;
import dev.driftdeck.ui.BackgroundTasks;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notification rules as the operator edits them: resolved drift, failed jobs, the stale warning, the digest and
 * quiet hours. Loaded from and saved through {@link NotificationServices} in the background; the stale hours and the
 * quiet hours are text, validated as they are typed, and nothing is saved while one is wrong.
 */
public final class NotificationRulesViewModel {

    /** A year: more is a typo, not a warning anyone waits for. */
    static final int MAX_STALE_HOURS = 24 * 365;
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm");

    private final NotificationServices services;
    private final BackgroundTasks tasks;
    private final BooleanProperty resolved = new SimpleBooleanProperty(true);
    private final BooleanProperty jobFailures = new SimpleBooleanProperty(true);
    private final StringProperty staleHours = new SimpleStringProperty("24");
    private final ObjectProperty<Digest> digest = new SimpleObjectProperty<>(Digest.OFF);
    private final StringProperty quietFrom = new SimpleStringProperty("");
    private final StringProperty quietTo = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid = Bindings.isEmpty(problems);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public NotificationRulesViewModel(NotificationServices services, BackgroundTasks tasks) {
        this.services = services;
        this.tasks = tasks;
        for (StringProperty field : List.of(staleHours, quietFrom, quietTo)) {
            field.addListener((obs, old, now) -> revalidate());
        }
        revalidate();
    }

    /** Reads the stored rules in the background and fills the fields. */
    public void load() {
        tasks.run(services::rules, rules -> {
            show(rules);
            loaded.set(true);
        }, e -> message.set("Could not read the notification rules: " + e.getMessage()));
    }

    /** Saves the rules in the background; with a wrong value, says which and saves nothing. */
    public void save() {
        if (!loaded.get()) {
            message.set("The stored rules are still being read; save once they are shown.");
            return;
        }
        if (!valid.get()) {
            message.set("Not saved: " + String.join(" ", problems));
            return;
        }
        NotificationSettings rules = toSettings();
        saving.set(true);
        message.set("");
        tasks.run(() -> services.saveRules(rules), () -> {
            saving.set(false);
            message.set("Rules saved.");
        }, e -> {
            saving.set(false);
            message.set("Could not save the notification rules: " + e.getMessage());
        });
    }

    private void show(NotificationSettings rules) {
        resolved.set(rules.resolved());
        jobFailures.set(rules.jobFailures());
        staleHours.set(Integer.toString(rules.staleHours()));
        digest.set(rules.digest());
        quietFrom.set(rules.quietFrom() == null ? "" : rules.quietFrom().toString());
        quietTo.set(rules.quietTo() == null ? "" : rules.quietTo().toString());
    }

    /** The rules to save; only when {@link #validProperty()} is true. The last digest's time is not the editor's. */
    NotificationSettings toSettings() {
        if (!valid.get()) {
            throw new IllegalStateException("The notification rules are not valid: " + problemText.get());
        }
        return new NotificationSettings(resolved.get(), jobFailures.get(), Integer.parseInt(staleHours.get().strip()),
                digest.get(), time(quietFrom.get()), time(quietTo.get()), null);
    }

    private void revalidate() {
        problems.setAll(validate(staleHours.get(), quietFrom.get(), quietTo.get()));
        problemText.set(String.join("\n", problems));
    }

    /** What is wrong with the typed values, one sentence each naming the field and what to enter; empty when fine. */
    static List<String> validate(String staleHours, String quietFrom, String quietTo) {
        List<String> problems = new ArrayList<>();
        String hours = staleHours == null ? "" : staleHours.strip();
        try {
            int parsed = Integer.parseInt(hours);
            if (parsed < 0 || parsed > MAX_STALE_HOURS) {
                problems.add("Warn when no scan succeeded: " + parsed + " is out of range; enter 0 (never) to "
                        + MAX_STALE_HOURS + " hours.");
            }
        } catch (NumberFormatException e) {
            problems.add("Warn when no scan succeeded: '" + hours + "' is not a whole number of hours; enter 0 for"
                    + " never.");
        }
        boolean fromBlank = blank(quietFrom);
        boolean toBlank = blank(quietTo);
        if (fromBlank != toBlank) {
            problems.add("Quiet hours need both a start and an end (HH:MM); leave both empty for none.");
            return problems;
        }
        if (fromBlank) {
            return problems;
        }
        LocalTime from = timeOrProblem("start", quietFrom, problems);
        LocalTime to = timeOrProblem("end", quietTo, problems);
        if (from != null && from.equals(to)) {
            problems.add("Quiet hours start and end at the same time (" + from + "); leave both empty for none.");
        }
        return problems;
    }

    private static LocalTime timeOrProblem(String which, String text, List<String> problems) {
        try {
            return time(text);
        } catch (DateTimeParseException e) {
            problems.add("Quiet hours " + which + " '" + text.strip() + "' is not a time of day; enter HH:MM, e.g. 22:00.");
            return null;
        }
    }

    private static LocalTime time(String text) {
        return blank(text) ? null : LocalTime.parse(text.strip(), TIME_OF_DAY);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** How the digest choice reads in the picker. */
    public static String label(Digest digest) {
        return switch (digest) {
            case OFF -> "Off";
            case DAILY -> "Daily at " + Notifier.DIGEST_TIME;
            case WEEKLY -> "Weekly on Monday " + Notifier.DIGEST_TIME;
        };
    }

    public BooleanProperty resolvedProperty() {
        return resolved;
    }

    public BooleanProperty jobFailuresProperty() {
        return jobFailures;
    }

    public StringProperty staleHoursProperty() {
        return staleHours;
    }

    public ObjectProperty<Digest> digestProperty() {
        return digest;
    }

    public StringProperty quietFromProperty() {
        return quietFrom;
    }

    public StringProperty quietToProperty() {
        return quietTo;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty problemTextProperty() {
        return problemText.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The stored rules are shown: until then, saving would store the defaults over them. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
