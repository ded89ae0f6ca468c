package dev.driftdeck.ui.sources;

import atlantafx.base.theme.Styles;
import dev.driftdeck.store.ChangeStamp;
import dev.driftdeck.ui.ChangeText;
import dev.driftdeck.ui.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Sources page, the one place that edits the list of state sources: the configured sources with "Add file…",
 * "Add folder…", an S3 URI (or glob) field checked as it is typed, change and remove; below, every state object the
 * last sync read, with its serial, lineage, resource count, workspace and error, and "Sync now".
 */
public final class SourcesView extends BorderPane {

    private Runnable onShowChanges = () -> { };

    /** @param chooser asks for a file or folder ("Add file…", "Add folder…") */
    public SourcesView(SourcesViewModel model, PathChooser chooser) {
        setId("sources-page");
        getStyleClass().add("sources-view");
        setPadding(new Insets(12));

        Label title = new Label("Read by the last sync");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Button syncNow = new Button("Sync now", new FontIcon(Feather.REFRESH_CW));
        syncNow.setId("sources-sync-now");
        syncNow.getStyleClass().add(Styles.ACCENT);
        syncNow.disableProperty().bind(model.busyProperty());
        syncNow.setOnAction(e -> model.syncNow());
        Label message = new Label();
        message.setId("sources-message");
        message.textProperty().bind(model.messageProperty());
        HBox header = new HBox(12, title, syncNow, message);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 0, 8, 0));

        TableView<SourceLine> table = table(model);
        VBox.setVgrow(table, Priority.ALWAYS);
        setTop(editor(model, chooser));
        setCenter(new VBox(header, table));
    }

    private static TableView<SourceLine> table(SourcesViewModel model) {
        TableView<SourceLine> table = new TableView<>(model.lines());
        table.setId("sources-table");
        table.setPlaceholder(new Label("No state read yet: add a source above, then Sync now."));
        table.getColumns().add(column("Source", 330, SourceLine::uri));
        table.getColumns().add(column("Workspace", 90, SourceLine::workspace));
        table.getColumns().add(column("Last sync", 100, line -> ago(line.lastSync())));
        table.getColumns().add(column("Serial", 60, line -> line.serial() == null ? "" : line.serial().toString()));
        table.getColumns().add(column("Lineage", 120, SourceLine::lineage));
        table.getColumns().add(column("Resources", 80, line -> Integer.toString(line.resourceCount())));
        TableColumn<SourceLine, String> error = column("Error", 420, SourceLine::error);
        error.setId("sources-error-column");
        table.getColumns().add(error);
        return table;
    }

    private VBox editor(SourcesViewModel model, PathChooser chooser) {
        Label heading = new Label("State sources");
        heading.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Every scan reads these. A file, a folder (every *.tfstate under it), a glob or an S3 "
                + "object, prefix or workspace set. Changes apply from the next sync or scan.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        ListView<String> configured = new ListView<>(model.configured());
        configured.setId("sources-configured");
        configured.setCellFactory(list -> new ConfiguredCell(model));
        configured.setPrefHeight(140);
        configured.setPlaceholder(new Label("No state sources yet: add a .tfstate file, a folder or an S3 URI."));

        Button addFile = new Button("Add file…", new FontIcon(Feather.FILE_PLUS));
        addFile.setId("sources-add-file");
        addFile.setOnAction(e -> chooser.chooseStateFile(getScene().getWindow()).ifPresent(model::addPath));
        Button addFolder = new Button("Add folder…", new FontIcon(Feather.FOLDER_PLUS));
        addFolder.setId("sources-add-folder");
        addFolder.setOnAction(e -> chooser.chooseFolder(getScene().getWindow()).ifPresent(model::addPath));
        addFile.disableProperty().bind(model.busyProperty());
        addFolder.disableProperty().bind(model.busyProperty());
        Button remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
        remove.setId("sources-remove");
        remove.setOnAction(e -> model.remove(configured.getSelectionModel().getSelectedIndex()));
        remove.disableProperty().bind(configured.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        Button history = new Button("Change history…", new FontIcon(Feather.CLOCK));
        history.setId("sources-history");
        history.setOnAction(e -> onShowChanges.run());
        HBox listActions = new HBox(8, addFile, addFolder, remove, history);

        TextField input = new TextField();
        input.setId("sources-input");
        input.setPromptText("s3://bucket/key, s3://bucket/prefix/, s3://bucket/key?workspaces=*&profile=tooling&region=eu-west-1,"
                + " or a glob: states/**/*.tfstate");
        input.textProperty().bindBidirectional(model.inputProperty());
        HBox.setHgrow(input, Priority.ALWAYS);
        configured.getSelectionModel().selectedItemProperty().addListener((o, old, selected) -> {
            if (selected != null) {
                input.setText(selected);
            }
        });
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId("sources-add");
        add.setOnAction(e -> model.addInput());
        add.disableProperty().bind(model.busyProperty().or(model.inputValidProperty().not()));
        input.setOnAction(e -> {
            if (!add.isDisabled()) {
                model.addInput();
            }
        });
        Button change = new Button("Change selected");
        change.setId("sources-change");
        change.setOnAction(e -> model.replace(configured.getSelectionModel().getSelectedIndex(), input.getText()));
        change.disableProperty().bind(add.disableProperty()
                .or(configured.getSelectionModel().selectedItemProperty().isNull()));
        Label problem = new Label();
        problem.setId("sources-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        Label uriLabel = new Label("S3 URI or glob");
        HBox uriRow = new HBox(8, uriLabel, input, add, change);
        uriRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, heading, hint, configured, listActions, uriRow, problem, cloudTrailRow(model));
    }

    /** Where who changed the drift is read: blank for CloudTrail Event history, or a trail's logs in S3. */
    private static HBox cloudTrailRow(SourcesViewModel model) {
        TextField trail = new TextField();
        trail.setId("sources-cloudtrail");
        trail.setPromptText("blank: CloudTrail Event history; or the trail's logs, s3://bucket/prefix/ (above AWSLogs/)");
        trail.textProperty().bindBidirectional(model.cloudTrailProperty());
        HBox.setHgrow(trail, Priority.ALWAYS);
        Button save = new Button("Save");
        save.setId("sources-cloudtrail-save");
        save.setOnAction(e -> model.saveCloudTrail());
        save.disableProperty().bind(model.busyProperty());
        trail.setOnAction(e -> model.saveCloudTrail());
        HBox row = new HBox(8, new Label("Who changed it, from"), trail, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** What "Change history…" opens (the console wires its dialog in). */
    public void setOnShowChanges(Runnable onShowChanges) {
        this.onShowChanges = onShowChanges;
    }

    /** A configured source, with who added it and when ("added by alice@laptop-7, 2 h ago") when recorded. */
    private static final class ConfiguredCell extends ListCell<String> {

        private final SourcesViewModel model;

        ConfiguredCell(SourcesViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(String uri, boolean empty) {
            super.updateItem(uri, empty);
            if (empty || uri == null) {
                setText(null);
                return;
            }
            ChangeStamp stamp = model.changes().get(uri);
            setText(stamp == null ? uri : uri + "   · " + ChangeText.of(stamp, Instant.now()));
        }
    }

    private static TableColumn<SourceLine, String> column(String name, double width, Function<SourceLine, String> value) {
        TableColumn<SourceLine, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static String ago(Instant when) {
        return when == null ? "never" : TimeText.ago(Duration.between(when, Instant.now()));
    }
}
