package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.meaning.ChangeLine;
import dev.driftdeck.meaning.ChangeSummaries;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.remediation.ImportFile;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/**
 * The detail pane of the selected finding: its identity as text, what changed in plain words (one line per element,
 * statement, tag or field: {@code ingress added: tcp 22 from 0.0.0.0/0}), the raw attribute differences behind a
 * toggle (one of them shown side by side, state against AWS, with the changed words marked), and the commands an
 * operator copies or opens.
 */
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
    private final ReadOnlyStringWrapper notCompared = new ReadOnlyStringWrapper("");
    private final ObservableList<AttributeDiff> diffs = FXCollections.observableArrayList();
    private final ObservableList<Change> changes = FXCollections.observableArrayList();
    private final BooleanProperty showRaw = new SimpleBooleanProperty(false);
    private final ObjectProperty<AttributeDiff> selectedDiff = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper selectedPath = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WordDiff.Sides> sides = new ReadOnlyObjectWrapper<>(new WordDiff.Sides(List.of(), List.of()));
    private final ReadOnlyStringWrapper importCommand = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cliCommand = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consoleUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Consumer<String> browser = url -> message.set("No browser available: open " + url + " yourself");
    private IgnoreActions ignoreActions = IgnoreActions.NONE;

    /** One line of what changed, with the attribute difference it reads (shown raw when the line is clicked). */
    public record Change(AttributeDiff diff, ChangeLine line) {
    }

    /** What the pane's ignore buttons do; the console connects them to its ignore rules. */
    public interface IgnoreActions {
        IgnoreActions NONE = new IgnoreActions() {
            @Override
            public void ignoreFinding(Finding finding) {
            }

            @Override
            public void ignoreAttribute(Finding finding, List<String> path) {
            }
        };

        void ignoreFinding(Finding finding);

        void ignoreAttribute(Finding finding, List<String> path);
    }

    public FindingDetailViewModel() {
        finding.addListener((obs, old, now) -> update(now));
        selectedDiff.addListener((obs, old, now) -> showSideBySide(now));
    }

    /** Where "Open in AWS console" sends its URL (the app's HostServices). */
    public void setBrowser(Consumer<String> browser) {
        this.browser = browser;
    }

    public void setIgnoreActions(IgnoreActions actions) {
        this.ignoreActions = actions;
    }

    public void openInConsole() {
        if (!consoleUrl.get().isEmpty()) {
            browser.accept(consoleUrl.get());
            message.set("");
            message.set("Opened the AWS console page of " + id.get());
        }
    }

    public void ignoreFinding() {
        Finding f = finding.get();
        if (f != null) {
            ignoreActions.ignoreFinding(f);
        }
    }

    public void ignoreSelectedAttribute() {
        Finding f = finding.get();
        AttributeDiff diff = selectedDiff.get();
        if (f != null && diff != null) {
            ignoreActions.ignoreAttribute(f, diff.path());
        }
    }

    /** A summary line clicked: its raw difference, side by side. */
    public void showRawOf(Change change) {
        selectedDiff.set(change.diff());
        showRaw.set(true);
    }

    /** Tells the status bar what was copied; the view does the copying, on the FX thread. */
    public void copied(String what) {
        message.set("");
        message.set("Copied " + what + " to the clipboard");
    }

    private void showSideBySide(AttributeDiff diff) {
        if (diff == null) {
            selectedPath.set("");
            sides.set(new WordDiff.Sides(List.of(), List.of()));
            return;
        }
        selectedPath.set(ValueText.path(diff.path()));
        sides.set(WordDiff.compare(ValueText.pretty(diff.expected()), ValueText.pretty(diff.actual())));
    }

    /** Bind this to the table's selection. */
    public ObjectProperty<Finding> findingProperty() {
        return finding;
    }

    private void update(Finding f) {
        empty.set(f == null);
        if (f == null) {
            for (ReadOnlyStringWrapper text : new ReadOnlyStringWrapper[]{title, address, id, type, source, location, note, diffSummary, notCompared}) {
                text.set("");
            }
            diffs.clear();
            changes.clear();
            selectedDiff.set(null);
            importCommand.set("");
            cliCommand.set("");
            consoleUrl.set("");
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
        notCompared.set(f.notInState().isEmpty() ? ""
                : "Not compared: the state has no value for " + String.join(", ", f.notInState()) + " (older provider?)");
        diffs.setAll(f.diffs());
        changes.setAll(changesOf(f));
        selectedDiff.set(f.diffs().isEmpty() ? null : f.diffs().getFirst());
        importCommand.set(ImportFile.block(f));
        cliCommand.set(f.status() == FindingStatus.MISSING ? "" : ResourceCommands.awsCli(f));
        consoleUrl.set(f.status() == FindingStatus.MISSING ? "" : ResourceCommands.consoleUrl(f));
    }

    /** A pure function of the finding's few diffs: cheap enough for the FX thread on a selection. */
    private static List<Change> changesOf(Finding f) {
        List<Change> lines = new java.util.ArrayList<>();
        for (AttributeDiff diff : f.diffs()) {
            ChangeSummaries.of(f.type(), diff).lines().forEach(line -> lines.add(new Change(diff, line)));
        }
        return lines;
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

    /**
     * "Not compared: the state has no value for tags (older provider?)" when the state lacked compared attributes
     * (the finding's {@code notInState}), else "".
     */
    public ReadOnlyStringProperty notComparedProperty() {
        return notCompared.getReadOnlyProperty();
    }

    public ObservableList<AttributeDiff> diffs() {
        return diffs;
    }

    /** What changed in plain words, summary lines first: the pane's main reading. */
    public ObservableList<Change> changes() {
        return changes;
    }

    /** Whether the raw values (the difference table and the side-by-side view) are shown; off at first. */
    public BooleanProperty showRawProperty() {
        return showRaw;
    }

    /** The difference shown side by side; the first one when a finding is selected. */
    public ObjectProperty<AttributeDiff> selectedDiffProperty() {
        return selectedDiff;
    }

    /** The selected difference's path as Terraform writes it: {@code ingress[2].cidr_blocks}. */
    public ReadOnlyStringProperty selectedPathProperty() {
        return selectedPath.getReadOnlyProperty();
    }

    /** The selected difference, pretty-printed, split into unchanged and changed runs per side. */
    public ReadOnlyObjectProperty<WordDiff.Sides> sidesProperty() {
        return sides.getReadOnlyProperty();
    }

    /** {@code terraform import ...} for an unmanaged finding, else "". */
    /**
     * For an UNMANAGED finding, its {@code import} block with the import id Terraform expects and a suggested address
     * (or, for a type Terraform cannot import, a comment saying why); empty otherwise. It replaces the one-line
     * {@code terraform import}: a block is planned and reviewed before anything is written to the state, and it
     * lets {@code terraform plan -generate-config-out} write the resource's configuration.
     */
    public ReadOnlyStringProperty importCommandProperty() {
        return importCommand.getReadOnlyProperty();
    }

    /** An AWS CLI command that shows the live resource; "" when it is gone (MISSING). */
    public ReadOnlyStringProperty cliCommandProperty() {
        return cliCommand.getReadOnlyProperty();
    }

    /** The resource's AWS console page; "" when it is gone (MISSING). */
    public ReadOnlyStringProperty consoleUrlProperty() {
        return consoleUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
