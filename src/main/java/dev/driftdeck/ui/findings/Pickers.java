package dev.driftdeck.ui.findings;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.TreeSet;

/**
 * The type, account, region and source pickers above the findings table. A picker's value is null for "all";
 * its options are the distinct values of the shown scan, so an operator only ever picks something that exists.
 */
public final class Pickers {

    private final Picker type = new Picker();
    private final Picker account = new Picker();
    private final Picker region = new Picker();
    private final Picker source = new Picker();

    Pickers(Runnable onChange) {
        for (Picker picker : all()) {
            picker.value.addListener((obs, old, now) -> onChange.run());
        }
    }

    public StringProperty type() {
        return type.value;
    }

    public StringProperty account() {
        return account.value;
    }

    public StringProperty region() {
        return region.value;
    }

    public StringProperty source() {
        return source.value;
    }

    public ObservableList<String> typeOptions() {
        return type.options;
    }

    public ObservableList<String> accountOptions() {
        return account.options;
    }

    public ObservableList<String> regionOptions() {
        return region.options;
    }

    public ObservableList<String> sourceOptions() {
        return source.options;
    }

    /** Offers the distinct values of a scan's findings, counted on a worker by {@link PreparedFindings}. */
    void offer(PreparedFindings.PickerOptions options) {
        type.offer(options.types());
        account.offer(options.accounts());
        region.offer(options.regions());
        source.offer(options.sources());
    }

    void clear() {
        for (Picker picker : all()) {
            picker.value.set(null);
        }
    }

    private List<Picker> all() {
        return List.of(type, account, region, source);
    }

    private static final class Picker {
        private final StringProperty value = new SimpleStringProperty();
        private final ObservableList<String> options = FXCollections.observableArrayList();

        void offer(List<String> values) {
            List<String> offered = values;
            // A remembered choice the new scan lacks stays listed, so the operator sees why the table is empty.
            if (value.get() != null && !values.contains(value.get())) {
                TreeSet<String> withChoice = new TreeSet<>(values);
                withChoice.add(value.get());
                offered = List.copyOf(withChoice);
            }
            if (!options.equals(offered)) {
                options.setAll(offered);
            }
        }
    }
}
