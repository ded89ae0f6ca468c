package dev.driftdeck.ui.audit;

import atlantafx.base.theme.Styles;
import dev.driftdeck.store.AuditEntry;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ConsoleServices;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Change history": every recorded change of what the team shares (settings, state sources, ignore rules), newest
 * first, with who made it and when. Loads off the FX thread.
 */
public final class ChangeHistoryView extends VBox {

    static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ConsoleServices services;
    private final BackgroundTasks tasks;
    private final TableView<AuditEntry> table = new TableView<>();
    private final Label status = new Label();

    public ChangeHistoryView(ConsoleServices services, BackgroundTasks tasks) {
        super(8);
        this.services = services;
        this.tasks = tasks;
        setId("change-history");
        setPadding(new Insets(12));

        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> reload());
        status.setId("change-history-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox top = new HBox(8, refresh, status);
        top.setAlignment(Pos.CENTER_LEFT);

        table.setId("change-history-table");
        table.getColumns().setAll(List.of(
                column("When", entry -> TIME.format(entry.at()), 150),
                column("Who", AuditEntry::by, 170),
                column("What", ChangeHistoryView::what, 110),
                column("Item", AuditEntry::item, 320),
                column("Before", entry -> entry.before() == null ? "" : entry.before(), 160),
                column("After", entry -> entry.after() == null ? "" : entry.after(), 160)));
        table.setPlaceholder(new Label("No change recorded yet: settings, sources and ignore rules as first set up."));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(top, table);
        reload();
    }

    /** Opens the history in its own window, beside the console. */
    public static void open(Window owner, ConsoleServices services, BackgroundTasks tasks) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Driftdeck — change history");
        Scene scene = new Scene(new ChangeHistoryView(services, tasks), 1100, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    void reload() {
        status.setText("Loading…");
        tasks.run(() -> services.changeHistory(LIMIT), entries -> {
            table.getItems().setAll(entries);
            status.setText(entries.size() + (entries.size() == LIMIT ? "+ changes (newest shown)" : " change(s)"));
        }, e -> status.setText("Could not load the change history: " + e.getMessage()));
    }

    /** "source added", "setting changed", "ignore rule removed". */
    static String what(AuditEntry entry) {
        return entry.subject().replace('-', ' ') + " " + entry.action().toLowerCase(Locale.ROOT);
    }

    private static TableColumn<AuditEntry, String> column(String title, Function<AuditEntry, String> value,
                                                          double width) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
