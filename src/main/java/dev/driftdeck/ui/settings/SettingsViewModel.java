package dev.driftdeck.ui.settings;

import dev.driftdeck.risk.Severity;
import dev.driftdeck.ui.SettingsForm;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;

/**
 * The settings dialog's fields as text, validated as the operator types. Regions are separated by commas or spaces.
 * The state sources are edited on the Sources page only: the dialog keeps the list it was loaded with, unchanged.
 */
public final class SettingsViewModel {

    private List<String> stateUris = List.of();
    private final StringProperty regions = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty endpointUrl = new SimpleStringProperty("");
    private final BooleanProperty strict = new SimpleBooleanProperty(false);
    private final StringProperty interval = new SimpleStringProperty("15");
    private final ObjectProperty<Severity> notifyAtLeast = new SimpleObjectProperty<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid = Bindings.isEmpty(problems);

    public SettingsViewModel() {
        for (StringProperty field : List.of(regions, endpointUrl, interval)) {
            field.addListener((obs, old, now) -> revalidate());
        }
        revalidate();
    }

    /** Fills the fields from stored settings. */
    public void load(SettingsForm form) {
        stateUris = form.stateUris();
        regions.set(String.join(", ", form.regions()));
        profile.set(form.profile());
        endpointUrl.set(form.endpointUrl());
        strict.set(form.strict());
        interval.set(Integer.toString(form.scanIntervalMinutes()));
        notifyAtLeast.set(form.notifyAtLeast());
    }

    /** The form to save; only call when {@link #validProperty()} is true. */
    public SettingsForm toForm() {
        if (!valid.get()) {
            throw new IllegalStateException("Settings are not valid: " + problemText.get());
        }
        String chosenProfile = profile.get() == null ? "" : profile.get().strip(); // a picker cleared of its value
        return new SettingsForm(stateUris, regionList(), chosenProfile, endpointUrl.get().strip(),
                strict.get(), SettingsValidator.parseInterval(interval.get()), notifyAtLeast.get());
    }

    private void revalidate() {
        problems.setAll(SettingsValidator.validate(regionList(), endpointUrl.get(), interval.get()));
        problemText.set(String.join("\n", problems));
    }

    List<String> regionList() {
        return Arrays.stream(regions.get().split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public StringProperty regionsProperty() {
        return regions;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty endpointUrlProperty() {
        return endpointUrl;
    }

    public BooleanProperty strictProperty() {
        return strict;
    }

    /** The least severe new drift to announce; null announces any. */
    public ObjectProperty<Severity> notifyAtLeastProperty() {
        return notifyAtLeast;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    /** Every problem, one per line, for the label under the form. */
    public ReadOnlyStringProperty problemTextProperty() {
        return problemText.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
