package dev.driftdeck.ui.sources;

import atlantafx.base.theme.Styles;
import dev.driftdeck.ui.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * Every state object with its last sync, serial, lineage, resource count, workspace and error; "Sync now"; and the
 * configured sources with add, change and remove. Self-contained: the console opens it in its own window.
 */
public final class SourcesView extends BorderPane {

    public SourcesView(SourcesViewModel model) {
        getStyleClass().add("sources-view");
        setPadding(new Insets(12));

        Label title = new Label("State sources");
        title.getStyleClass().add(Styles.TITLE_4);
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
        header.setPadding(new Insets(0, 0, 8, 0));

        setTop(header);
        setCenter(table(model));
        setBottom(editor(model));
    }

    private static TableView<SourceLine> table(SourcesViewModel model) {
        TableView<SourceLine> table = new TableView<>(model.lines());
        table.setId("sources-table");
        table.setPlaceholder(new Label("No state read yet: add a source below, then Sync now."));
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

    private static VBox editor(SourcesViewModel model) {
        ListView<String> configured = new ListView<>(model.configured());
        configured.setId("sources-configured");
        configured.setPrefHeight(120);
        TextField input = new TextField();
        input.setId("sources-input");
        input.setPromptText("path, dir, glob (states/**/*.tfstate), s3://bucket/key, s3://bucket/prefix/, "
                + "s3://bucket/key?workspaces=*&profile=tooling&region=eu-west-1");
        HBox.setHgrow(input, Priority.ALWAYS);
        configured.getSelectionModel().selectedItemProperty().addListener((o, old, selected) -> {
            if (selected != null) {
                input.setText(selected);
            }
        });
        Button add = new Button("Add", new FontIcon(Feather.PLUS));
        add.setId("sources-add");
        add.setOnAction(e -> model.add(input.getText()));
        Button change = new Button("Change");
        change.setId("sources-change");
        change.setOnAction(e -> model.replace(configured.getSelectionModel().getSelectedIndex(), input.getText()));
        Button remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
        remove.setId("sources-remove");
        remove.setOnAction(e -> model.remove(configured.getSelectionModel().getSelectedIndex()));
        remove.disableProperty().bind(configured.getSelectionModel().selectedItemProperty().isNull());
        add.disableProperty().bind(model.busyProperty().or(input.textProperty().isEmpty()));
        change.disableProperty().bind(add.disableProperty()
                .or(configured.getSelectionModel().selectedItemProperty().isNull()));
        Label problem = new Label();
        problem.setId("sources-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        Label heading = new Label("Configured sources");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(6, heading, configured, new HBox(8, input, add, change, remove), problem);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
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
