package dev.driftdeck.ui.ignore;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRuleText;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.ui.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import dev.driftdeck.store.ChangeStamp;
import dev.driftdeck.ui.ChangeText;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's {@code .driftignore}: its lines (comments kept), live validation of the rule being typed, the
 * one-click rules ("ignore this finding", "ignore this attribute", "baseline all current drift") and what the
 * last scan ignored and why. Every change is written at once (atomically) on a worker; the next scan applies
 * it, so after a change the console offers "Rescan now".
 */
public final class IgnoreRulesViewModel {

    /**
     * One line as the editor shows it.
     *
     * @param changed who last changed this rule and when ("added by alice@laptop-7, 2 h ago"), or "" when unknown
     */
    public record Line(int index, String text, boolean comment, String problem, String changed) {

        public Line(int index, String text, boolean comment, String problem) {
            this(index, text, comment, problem, "");
        }
    }

    private final Optional<IgnoreRulesServices> file;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Finding> ignored = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper draftProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper changedSinceScan = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Runnable rescan = () -> { };

    public IgnoreRulesViewModel(Optional<IgnoreRulesServices> rules, BackgroundTasks tasks, Clock clock) {
        this.file = rules;
        this.tasks = tasks;
        this.clock = clock;
        draft.addListener((obs, old, now) -> draftProblem.set(problemOf(now)));
    }

    /** What "Rescan now" does: ask the scheduler for a scan. */
    public void setRescan(Runnable rescan) {
        this.rescan = rescan;
    }

    public boolean editable() {
        return file.isPresent();
    }

    public String location() {
        return file.map(IgnoreRulesServices::location)
                .orElse("This console has no ignore rules to edit (read-only), so rules cannot be edited here");
    }

    /** Reads the file again (after an outside edit, or when the view opens). */
    public void reload() {
        file.ifPresent(f -> tasks.run(() -> read(f), this::showLines,
                e -> message.set("Could not read the ignore rules from " + f.location() + ": " + e.getMessage())));
    }

    /** The findings the shown scan ignored; their note names the rule. */
    public void showScan(List<Finding> findings) {
        ignored.setAll(findings.stream().filter(f -> f.status() == FindingStatus.IGNORED).toList());
        changedSinceScan.set(false);
    }

    /** Appends the draft as a rule, when it is valid. */
    public void addDraft() {
        String text = draft.get().strip();
        String problem = problemOf(text);
        if (text.isEmpty() || !problem.isEmpty()) {
            draftProblem.set(text.isEmpty() ? "Type a rule first, e.g. aws_s3_bucket.my-bucket" : problem);
            return;
        }
        change(current -> current.add(text), "Added " + text, () -> draft.set(""));
    }

    /** Replaces line {@code index} with the draft, when it is valid. */
    public void replaceWithDraft(int index) {
        String text = draft.get().strip();
        String problem = problemOf(text);
        if (text.isEmpty() || !problem.isEmpty() || index < 0) {
            draftProblem.set(index < 0 ? "Select the line to change" : text.isEmpty() ? "Type the new rule" : problem);
            return;
        }
        change(current -> current.set(index, text), "Changed line " + (index + 1) + " to " + text, () -> draft.set(""));
    }

    public void remove(int index) {
        if (index < 0 || index >= lines.size()) {
            return;
        }
        String text = lines.get(index).text();
        change(current -> current.remove(index), "Removed " + text, () -> { });
    }

    /** Writes {@code type.id} (dots escaped). */
    public void ignoreFinding(Finding finding) {
        append(List.of(IgnoreRuleText.forResource(finding.type(), finding.id())), "Ignoring " + finding.type() + " " + finding.id());
    }

    /** Writes {@code type.id.path}. */
    public void ignoreAttribute(Finding finding, List<String> path) {
        append(List.of(IgnoreRuleText.forAttribute(finding.type(), finding.id(), path)),
                "Ignoring " + String.join(".", path) + " of " + finding.type() + " " + finding.id());
    }

    /** Writes one rule per drifting finding under a dated comment. */
    public void baseline(List<Finding> findings) {
        List<String> baseline = IgnoreRuleText.baseline(findings, LocalDate.now(clock));
        if (baseline.isEmpty()) {
            message.set("Nothing to baseline: the shown scan has no drift.");
            return;
        }
        append(baseline, "Baselined " + (baseline.size() - 1) + " drifting resource(s)");
    }

    /** How many rules "baseline all current drift" would write for these findings. */
    public static long baselineSize(List<Finding> findings) {
        return findings.stream().filter(f -> IgnoreRuleText.DRIFT.contains(f.status())).map(Finding::key).distinct().count();
    }

    public void rescanNow() {
        changedSinceScan.set(false);
        rescan.run();
    }

    private void append(List<String> newLines, String done) {
        if (file.isEmpty()) {
            message.set("This console has no ignore file to write to.");
            return;
        }
        IgnoreRulesServices f = file.get();
        busy.set(true);
        tasks.run(() -> {
            int added = f.append(newLines);
            return new Written(added, read(f));
        }, written -> {
            busy.set(false);
            showLines(written.lines());
            if (written.added() == 0) {
                message.set("Already among the ignore rules: nothing written.");
            } else {
                changedSinceScan.set(true);
                message.set(done + ". The next scan applies it: Rescan now?");
            }
        }, e -> fail(f, e));
    }

    private void change(Edit edit, String done, Runnable after) {
        if (file.isEmpty()) {
            return;
        }
        IgnoreRulesServices f = file.get();
        busy.set(true);
        tasks.run(() -> {
            List<String> current = new ArrayList<>(f.lines());
            edit.apply(current);
            f.write(current);
            return read(f);
        }, written -> {
            busy.set(false);
            showLines(written);
            after.run();
            changedSinceScan.set(true);
            message.set(done + ". The next scan applies it: Rescan now?");
        }, e -> fail(f, e));
    }

    private void fail(IgnoreRulesServices f, Exception e) {
        busy.set(false);
        message.set("Could not write the ignore rules to " + f.location() + ": " + e.getMessage()
                + ". Check that it is writable (the data directory, or the database and your access to it).");
    }

    /** The lines and who changed each rule, read together on the worker. */
    private record Read(List<String> lines, Map<String, ChangeStamp> changes) {
    }

    private static Read read(IgnoreRulesServices f) throws Exception {
        return new Read(f.lines(), f.lastChanges());
    }

    private void showLines(Read read) {
        List<String> text = read.lines();
        Instant now = clock.instant();
        List<Line> shown = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            boolean comment = line.isBlank() || line.strip().startsWith("#");
            ChangeStamp stamp = comment ? null : read.changes().get(line.strip());
            shown.add(new Line(i, line, comment, comment ? "" : problemOf(line),
                    stamp == null ? "" : ChangeText.of(stamp, now)));
        }
        lines.setAll(shown);
    }

    /** The parser's own complaint about one line, without the file/line prefix; "" when the rule is valid. */
    static String problemOf(String line) {
        if (line == null || line.isBlank() || line.strip().startsWith("#")) {
            return "";
        }
        List<String> problems = IgnoreRules.parse(List.of(line), "rule").problems();
        return problems.isEmpty() ? "" : problems.getFirst()
                .replaceFirst("^rule line 1: ", "").replaceFirst("; the line is skipped$", "");
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ObservableList<Finding> ignored() {
        return ignored;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyStringProperty draftProblemProperty() {
        return draftProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True after a rule was written and before the next scan (or "Rescan now"). */
    public ReadOnlyBooleanProperty changedSinceScanProperty() {
        return changedSinceScan.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    @FunctionalInterface
    private interface Edit {
        void apply(List<String> lines) throws IOException;
    }

    private record Written(int added, Read lines) {
    }
}
