package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The detail pane of the selected finding: its identity as text and its attribute differences. */
public final class FindingDetailViewModel {

    static final String ABSENT = "—";

    private final ObjectProperty<Finding> finding = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper type = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<AttributeDiff> diffs = FXCollections.observableArrayList();

    public FindingDetailViewModel() {
        finding.addListener((obs, old, now) -> update(now));
    }

    /** Bind this to the table's selection. */
    public ObjectProperty<Finding> findingProperty() {
        return finding;
    }

    private void update(Finding f) {
        empty.set(f == null);
        if (f == null) {
            for (ReadOnlyStringWrapper text : new ReadOnlyStringWrapper[]{title, address, id, type, source, location, note, diffSummary}) {
                text.set("");
            }
            diffs.clear();
            return;
        }
        title.set(f.address() != null ? f.address() : f.type() + " " + f.id());
        address.set(orAbsent(f.address()));
        id.set(orAbsent(f.id()));
        type.set(orAbsent(f.type()));
        source.set(orAbsent(f.source()));
        location.set(orAbsent(f.account()) + " / " + orAbsent(f.region()));
        note.set(orAbsent(f.note()));
        diffSummary.set(switch (f.status()) {
            case CHANGED -> f.diffs().size() + (f.diffs().size() == 1 ? " attribute differs" : " attributes differ");
            case IN_SYNC -> "Compared attributes match the state";
            case MISSING -> "In state, not found in AWS: deleted outside Terraform?";
            case UNMANAGED -> "Exists in AWS, in no Terraform state";
            case IGNORED -> "Excluded by an ignore rule";
            case NOT_CHECKED -> "Not compared: its listing failed or the type is unsupported";
        });
        diffs.setAll(f.diffs());
    }

    /** How a diff value cell reads: the canonical JSON text as given ("(sensitive)" stays as is), or a dash when absent. */
    public static String valueText(String value) {
        return value == null ? ABSENT : value;
    }

    private static String orAbsent(String value) {
        return value == null || value.isBlank() ? ABSENT : value;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty typeProperty() {
        return type.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** "account / region". */
    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    public ObservableList<AttributeDiff> diffs() {
        return diffs;
    }
}
