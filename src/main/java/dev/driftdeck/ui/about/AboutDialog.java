package dev.driftdeck.ui.about;

import atlantafx.base.theme.Styles;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ConsoleServices;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * Version, data directory, database schema version and log location. The dialog opens at once with "reading…";
 * the schema version is read through {@link ConsoleServices#about()} on a background thread (it queries the
 * database), never on the FX thread. Values are read-only text fields so an operator can copy a path.
 */
public final class AboutDialog extends Dialog<Void> {

    private final TextField version = value("about-version");
    private final TextField runtime = value("about-runtime");
    private final TextField dataDirectory = value("about-data-dir");
    private final TextField database = value("about-database");
    private final TextField schema = value("about-schema");
    private final TextField logFile = value("about-log");
    private final Label error = new Label();

    private AboutDialog(Window owner) {
        initOwner(owner);
        setTitle("About Driftdeck");
        setHeaderText("Driftdeck: Terraform state vs. live AWS");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        row(grid, 0, "Version", version);
        row(grid, 1, "Runtime", runtime);
        row(grid, 2, "Data directory", dataDirectory);
        row(grid, 3, "Database", database);
        row(grid, 4, "Schema version", schema);
        row(grid, 5, "Log file", logFile);
        error.setId("about-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        grid.add(error, 0, 6, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(640);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        show(AboutInfo.withoutDatabase(), "reading…");
    }

    /** Opens the dialog (non-blocking) and fills it in when the background read returns. FX thread only. */
    public static AboutDialog open(Window owner, ConsoleServices services, BackgroundTasks tasks) {
        AboutDialog dialog = new AboutDialog(owner);
        tasks.run(services::about, info -> dialog.show(info, "not available"),
                e -> dialog.error.setText("Could not read the database's schema version: " + e.getMessage()));
        dialog.show();
        return dialog;
    }

    private void show(AboutInfo info, String missing) {
        version.setText(info.version());
        runtime.setText(info.runtime());
        dataDirectory.setText(text(info.dataDirectory(), missing));
        database.setText(info.database() == null ? missing : info.database());
        schema.setText(info.schemaVersion() == null ? missing : info.schemaVersion());
        logFile.setText(text(info.logFile(), missing));
    }

    private static String text(Path path, String missing) {
        return path == null ? missing : path.toString();
    }

    private static TextField value(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.setFocusTraversable(false);
        return field;
    }

    private static void row(GridPane grid, int row, String label, TextField value) {
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        name.setLabelFor(value);
        grid.addRow(row, name, value);
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setMinWidth(420);
        return column;
    }
}
