package dev.driftdeck.ui.ignore;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.driftdeck.drift.Finding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The ignore rules: the file's lines with add/change/remove, baseline, and what the last scan ignored and why. */
public final class IgnoreRulesView extends BorderPane {

    private Runnable onShowChanges = () -> { };

    public IgnoreRulesView(IgnoreRulesViewModel model, Supplier<List<Finding>> currentFindings) {
        getStyleClass().add("ignore-rules-view");
        setPadding(new Insets(12));

        Label title = new Label("Ignore rules");
        title.getStyleClass().add(Styles.TITLE_3);
        Label where = new Label((model.editable() ? "Read by every scan from " + model.location() + ". " : model.location() + ". ")
                + "driftctl syntax, one rule per line: TYPE.ID or TYPE.ID.ATTRIBUTE, * wildcards, ! un-ignores, the last match wins, "
                + "\\. is a dot inside an id.");
        where.setWrapText(true);
        where.getStyleClass().add(Styles.TEXT_MUTED);

        ListView<IgnoreRulesViewModel.Line> lines = new ListView<>(model.lines());
        lines.setId("ignore-lines");
        lines.setCellFactory(list -> new LineCell());
        lines.setPlaceholder(new Label("No rules yet. Ignore a finding from its detail pane, or type a rule below."));
        lines.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && !now.comment()) {
                model.draftProperty().set(now.text());
            }
        });

        TextField draft = new TextField();
        draft.setId("ignore-draft");
        draft.setPromptText("e.g. aws_s3_bucket.logs\\.example\\.com  or  aws_instance.*.tags.LastScanned");
        draft.textProperty().bindBidirectional(model.draftProperty());
        draft.setOnAction(e -> model.addDraft());
        HBox.setHgrow(draft, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("ignore-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> model.addDraft());
        Button change = new Button("Change selected");
        change.setId("ignore-change");
        change.setOnAction(e -> model.replaceWithDraft(lines.getSelectionModel().getSelectedIndex()));
        Button remove = new Button("Remove selected");
        remove.setId("ignore-remove");
        remove.getStyleClass().add(Styles.DANGER);
        remove.setOnAction(e -> model.remove(lines.getSelectionModel().getSelectedIndex()));
        change.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull());
        HBox editor = new HBox(6, draft, add, change, remove);
        editor.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("ignore-draft-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.draftProblemProperty());

        Button baseline = new Button("Baseline all current drift…");
        baseline.setId("ignore-baseline");
        baseline.setTooltip(new Tooltip("Writes one rule per Changed, Missing or Unmanaged finding of the shown scan"));
        baseline.setOnAction(e -> confirmBaseline(model, currentFindings.get()));
        Button rescan = new Button("Rescan now");
        rescan.setId("ignore-rescan");
        rescan.getStyleClass().add(Styles.SUCCESS);
        rescan.visibleProperty().bind(model.changedSinceScanProperty());
        rescan.setOnAction(e -> model.rescanNow());
        Label message = new Label();
        message.setId("ignore-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        Button history = new Button("Change history…");
        history.setId("ignore-history");
        history.setOnAction(e -> onShowChanges.run());
        HBox actions = new HBox(8, baseline, history, message, rescan);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox rules = new VBox(8, lines, editor, problem, actions);
        VBox.setVgrow(lines, Priority.ALWAYS);

        Label ignoredTitle = new Label("Ignored in the shown scan, and why");
        ignoredTitle.getStyleClass().add(Styles.TEXT_BOLD);
        TableView<Finding> ignored = new TableView<>(model.ignored());
        ignored.setId("ignored-findings");
        ignored.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        ignored.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ignored.getColumns().setAll(List.of(column("Type", 180, Finding::type), column("Id", 220, Finding::id),
                column("Why", 320, f -> f.note() == null ? "" : f.note())));
        ignored.setPlaceholder(new Label("The shown scan ignored nothing. Rules written since apply from the next scan."));
        VBox ignoredBox = new VBox(6, ignoredTitle, ignored);
        VBox.setVgrow(ignored, Priority.ALWAYS);

        SplitPane split = new SplitPane(rules, ignoredBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);

        setTop(new VBox(4, title, where));
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
        setCenter(split);
        model.reload();
    }

    /** What "Change history…" opens (the console wires its dialog in). */
    public void setOnShowChanges(Runnable onShowChanges) {
        this.onShowChanges = onShowChanges;
    }

    private static void confirmBaseline(IgnoreRulesViewModel model, List<Finding> findings) {
        long count = IgnoreRulesViewModel.baselineSize(findings);
        if (count == 0) {
            model.baseline(findings);
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Write " + count + " rule(s), one per Changed, Missing or Unmanaged resource of the shown scan? "
                        + "They stop being reported as drift from the next scan. Remove a line to watch a resource again.",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText("Baseline all current drift");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.baseline(findings));
    }

    private static TableColumn<Finding, String> column(String title, double width, Function<Finding, String> value) {
        TableColumn<Finding, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static final class LineCell extends ListCell<IgnoreRulesViewModel.Line> {
        @Override
        protected void updateItem(IgnoreRulesViewModel.Line line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("ignore-comment", "ignore-problem");
            if (empty || line == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(line.text());
            if (line.comment()) {
                getStyleClass().add("ignore-comment");
                setTooltip(null);
            } else if (!line.problem().isEmpty()) {
                getStyleClass().add("ignore-problem");
                setText(line.text() + "   ⚠ " + line.problem() + " (skipped by scans)");
                setTooltip(new Tooltip(line.problem()));
            } else {
                setTooltip(null);
            }
            if (!line.comment() && !line.changed().isEmpty()) {
                setText(getText() + "   · " + line.changed());
            }
        }
    }
}
