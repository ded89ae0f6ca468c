package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The type, account, region and source pickers above the findings table. A picker's value is null for "all";
 * its options are the distinct values of the shown scan, so an operator only ever picks something that exists.
 */
public final class Pickers {

    private final Picker type = new Picker(Finding::type);
    private final Picker account = new Picker(Finding::account);
    private final Picker region = new Picker(Finding::region);
    private final Picker source = new Picker(Finding::source);

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

    /** Offers the distinct values of a scan's findings. */
    void offer(List<Finding> findings) {
        for (Picker picker : all()) {
            picker.offer(findings);
        }
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
        private final Function<Finding, String> field;
        private final StringProperty value = new SimpleStringProperty();
        private final ObservableList<String> options = FXCollections.observableArrayList();

        Picker(Function<Finding, String> field) {
            this.field = field;
        }

        void offer(List<Finding> findings) {
            TreeSet<String> distinct = new TreeSet<>();
            for (Finding finding : findings) {
                String v = field.apply(finding);
                if (v != null && !v.isBlank()) {
                    distinct.add(v);
                }
            }
            // A remembered choice the new scan lacks stays listed, so the operator sees why the table is empty.
            if (value.get() != null) {
                distinct.add(value.get());
            }
            if (!options.equals(List.copyOf(distinct))) {
                options.setAll(distinct);
            }
        }
    }
}
