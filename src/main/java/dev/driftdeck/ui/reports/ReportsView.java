package dev.driftdeck.ui.reports;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.report.ExportFormat;
import dev.driftdeck.store.ScanSummary;
import dev.driftdeck.ui.overview.SummaryViewModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The reports page: export buttons above the stored scan history. */
public final class ReportsView extends BorderPane {

    public ReportsView(ReportsViewModel model) {
        setId("reports-page");
        setPadding(new Insets(16));
        // The app asks with a native file dialog; tests replace the chooser on the view model.
        model.setTargetChooser((format, name) -> {
            FileChooser dialog = new FileChooser();
            dialog.setTitle("Export " + format.name() + " report");
            dialog.setInitialFileName(name);
            dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.description(), "*." + format.extension()));
            return Optional.ofNullable(dialog.showSaveDialog(getScene().getWindow())).map(File::toPath);
        });

        Label title = new Label("Export a report");
        title.getStyleClass().add(Styles.TITLE_3);
        Label target = new Label();
        target.setId("export-target");
        target.getStyleClass().add(Styles.TEXT_MUTED);
        target.textProperty().bind(model.exportTargetProperty());
        HBox buttons = new HBox(10);
        for (ExportFormat format : ExportFormat.values()) {
            Button button = new Button(format.description(), new FontIcon(switch (format) {
                case JSON -> Feather.CODE;
                case CSV -> Feather.GRID;
                case HTML -> Feather.GLOBE;
                case IMPORT_TF -> Feather.DOWNLOAD;
                case FIX_PLAN -> Feather.TOOL;
            }));
            button.setId("export-" + format.extension());
            if (format == ExportFormat.HTML) {
                button.getStyleClass().add(Styles.ACCENT);
            }
            button.disableProperty().bind(model.busyProperty());
            button.setOnAction(e -> model.export(format));
            buttons.getChildren().add(button);
        }
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        VBox top = new VBox(8, title, target, buttons, message);
        top.setPadding(new Insets(0, 0, 16, 0));

        Label historyTitle = new Label("Scan history");
        historyTitle.getStyleClass().add(Styles.TITLE_4);
        TableView<ScanSummary> table = new TableView<>(model.history());
        table.setId("scan-history");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(30);
        table.setPlaceholder(new Label("No stored scans yet."));
        table.getColumns().setAll(List.of(
                column("Started", 150, s -> SummaryViewModel.when(s.startedAt())),
                column("Outcome", 100, s -> s.outcome().name().toLowerCase(Locale.ROOT)),
                column("Changed", 90, s -> String.valueOf(s.count(FindingStatus.CHANGED))),
                column("Missing", 90, s -> String.valueOf(s.count(FindingStatus.MISSING))),
                column("Unmanaged", 100, s -> String.valueOf(s.count(FindingStatus.UNMANAGED))),
                column("In sync", 90, s -> String.valueOf(s.count(FindingStatus.IN_SYNC))),
                column("Coverage", 90, s -> s.coverage().percent() + "%"),
                column("Alerts", 80, s -> String.valueOf(s.alerts()))));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        VBox history = new VBox(8, historyTitle, table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);

        setTop(top);
        setCenter(history);
    }

    private static TableColumn<ScanSummary, String> column(String title, double width, Function<ScanSummary, String> value) {
        TableColumn<ScanSummary, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
