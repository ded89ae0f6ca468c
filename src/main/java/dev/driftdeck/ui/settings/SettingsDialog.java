package dev.driftdeck.ui.settings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ConsoleServices;
import dev.driftdeck.ui.DatabaseSetting;
import dev.driftdeck.ui.SettingsForm;
import dev.driftdeck.ui.SeverityFloorPicker;
import dev.driftdeck.ui.channels.ChannelsView;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Edits the settings. Loading and saving go through {@link ConsoleServices} off the FX thread; the
 * dialog stays open with the error when saving fails, and Save is disabled while the form is invalid.
 */
public final class SettingsDialog extends Dialog<SettingsForm> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final SettingsViewModel model = new SettingsViewModel();
    private final AwsAccessViewModel access = new AwsAccessViewModel(model);
    private final Label saveError = new Label();

    /**
     * What a save stored.
     *
     * @param accessTested "Test access" had reached AWS with exactly these settings (its answer goes stale, back to
     *                     not tested, as soon as the profile, regions or endpoint change)
     * @param database     the database saved for the next start ("" for the embedded one), or null when unchanged
     */
    public record Saved(SettingsForm form, boolean accessTested, String database) {
    }

    private SettingsDialog(Window owner, ConsoleServices services, BackgroundTasks tasks, SettingsForm current,
                           DatabaseSetting database, Consumer<Saved> onSaved) {
        initOwner(owner);
        setTitle("Driftdeck settings");
        setHeaderText("AWS access and schedule (state sources are on the Sources page)");
        model.load(current);

        AwsAccessRows aws = new AwsAccessRows(model, access, services, tasks);
        TextField interval = field("settings-interval", "minutes", model.intervalProperty());
        CheckBox strict = new CheckBox("Strict: keep AWS default resources");
        strict.setTooltip(new javafx.scene.control.Tooltip("Default VPC and its subnets, service-linked roles, alias/aws/* keys…"));
        strict.setId("settings-strict");
        strict.selectedProperty().bindBidirectional(model.strictProperty());
        javafx.scene.control.ComboBox<dev.driftdeck.risk.Severity> notify = notifyPicker(model);

        Label problems = new Label();
        problems.setId("settings-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add(Styles.DANGER);
        problems.textProperty().bind(model.problemTextProperty());
        saveError.setId("settings-save-error");
        saveError.setWrapText(true);
        saveError.getStyleClass().add(Styles.DANGER);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.setPadding(new Insets(10, 14, 0, 14));
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setHgrow(Priority.ALWAYS);
        ColumnConstraints labelColumn = new ColumnConstraints();
        labelColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels never shrink to "Sta…"
        form.getColumnConstraints().setAll(labelColumn, valueColumn);
        int row = 0;
        row = aws.addTo(form, row);
        form.addRow(row++, new Label("Scan every (min)"), interval);
        form.add(strict, 1, row++);
        form.addRow(row++, new Label("Notify about new drift"), notify);
        if (services.notifications().isPresent()) {
            // Slack, Teams, webhooks and e-mail: their own window (rules, channels, test message, history).
            Button channels = new Button("Rules, channels and history…");
            channels.setId("settings-notifications");
            channels.setOnAction(e -> ChannelsView.open(getDialogPane().getScene().getWindow(),
                    services.notifications().get(), tasks));
            form.addRow(row++, new Label("Notifications"), channels);
        }
        TextField databaseField = database == null ? null : databaseRow(form, row++, database);
        form.add(problems, 0, row++, 2, 1);
        form.add(saveError, 0, row, 2, 1);
        form.setPrefWidth(640);

        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        Node save = getDialogPane().lookupButton(SAVE);
        save.setId("settings-save");
        save.disableProperty().bind(model.validProperty().not());
        // Saving may block on the database: keep the dialog open, save in the background, close on success.
        save.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            SettingsForm form2 = model.toForm();
            boolean tested = access.accessProperty().get() == AwsAccessViewModel.Access.OK;
            String chosenDatabase = databaseField == null ? null : databaseField.getText().strip();
            String databaseChange = chosenDatabase == null || chosenDatabase.equals(database.saved()) ? null
                    : chosenDatabase;
            save.disableProperty().unbind();
            save.setDisable(true);
            saveError.setText("");
            tasks.run(() -> {
                if (databaseChange != null) {
                    services.saveDatabaseSetting(databaseChange);
                }
                // A read-only (or offline) console cannot store the rest; unchanged, there is nothing to store.
                if (services.readOnlyReason().isEmpty() || !form2.equals(current)) {
                    services.saveSettings(form2);
                }
            }, () -> {
                setResult(form2);
                onSaved.accept(new Saved(form2, tested, databaseChange));
                close();
            }, e -> {
                saveError.setText("Could not save the settings: " + e.getMessage());
                save.disableProperty().bind(model.validProperty().not());
            });
        });
        setResultConverter(button -> null);
    }

    /** Loads the settings in the background, then shows the dialog; {@code onSaved} runs after a successful save. */
    public static void open(Window owner, ConsoleServices services, BackgroundTasks tasks,
                            Consumer<Saved> onSaved, Consumer<String> onError) {
        tasks.run(() -> new Loaded(services.loadSettings(), services.databaseSetting().orElse(null)),
                loaded -> new SettingsDialog(owner, services, tasks, loaded.form(), loaded.database(), onSaved).show(),
                e -> onError.accept("Could not load the settings: " + e.getMessage()));
    }

    private record Loaded(SettingsForm form, DatabaseSetting database) {
    }

    /**
     * "Database": where the console keeps its data, read at start (so a change takes effect at the next one). Blank
     * is the embedded database of this machine; a PostgreSQL URL is a team's shared one.
     */
    private static TextField databaseRow(GridPane form, int row, DatabaseSetting database) {
        TextField field = new TextField(database.saved());
        field.setId("settings-database");
        field.setPromptText("embedded (this machine), or postgresql://host:5432/db?user=NAME");
        Label hint = new Label("Takes effect at the next start. Now open: " + database.inUse() + " (from "
                + database.source() + "). A team shares one PostgreSQL database; its password comes from"
                + " PGPASSWORD or ~/.pgpass, never from here.");
        hint.setId("settings-database-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        form.addRow(row, new Label("Database"), new javafx.scene.layout.VBox(4, field, hint));
        return field;
    }

    SettingsViewModel model() {
        return model;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** "Any drift" (null) or a floor: the banner and desktop notifications stay quiet about less severe new drift. */
    private static ComboBox<Severity> notifyPicker(SettingsViewModel model) {
        return SeverityFloorPicker.create("settings-notify", model.notifyAtLeastProperty());
    }
}
