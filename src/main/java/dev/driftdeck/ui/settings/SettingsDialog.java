package dev.driftdeck.ui.settings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ConsoleServices;
import dev.driftdeck.ui.SettingsForm;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
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
     */
    public record Saved(SettingsForm form, boolean accessTested) {
    }

    private SettingsDialog(Window owner, ConsoleServices services, BackgroundTasks tasks, SettingsForm current,
                           Consumer<Saved> onSaved) {
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
            // Slack, Teams, webhooks and e-mail: their own window (channels, test message, history).
            javafx.scene.control.Button channels = new javafx.scene.control.Button("Channels and history…");
            channels.setId("settings-notifications");
            channels.setOnAction(e -> dev.driftdeck.ui.channels.ChannelsView.open(getDialogPane().getScene().getWindow(),
                    services.notifications().get(), tasks));
            form.addRow(row++, new Label("Notifications"), channels);
        }
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
            save.disableProperty().unbind();
            save.setDisable(true);
            saveError.setText("");
            tasks.run(() -> services.saveSettings(form2), () -> {
                setResult(form2);
                onSaved.accept(new Saved(form2, tested));
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
        tasks.run(services::loadSettings,
                current -> new SettingsDialog(owner, services, tasks, current, onSaved).show(),
                e -> onError.accept("Could not load the settings: " + e.getMessage()));
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
    private static javafx.scene.control.ComboBox<dev.driftdeck.risk.Severity> notifyPicker(SettingsViewModel model) {
        javafx.scene.control.ComboBox<dev.driftdeck.risk.Severity> picker = new javafx.scene.control.ComboBox<>();
        picker.setId("settings-notify");
        picker.getItems().add(null);
        picker.getItems().addAll(dev.driftdeck.risk.Severity.CRITICAL, dev.driftdeck.risk.Severity.HIGH,
                dev.driftdeck.risk.Severity.MEDIUM, dev.driftdeck.risk.Severity.LOW);
        picker.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(dev.driftdeck.risk.Severity severity) {
                return NotifyChoice.label(severity);
            }

            @Override
            public dev.driftdeck.risk.Severity fromString(String text) {
                return null;
            }
        });
        picker.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(dev.driftdeck.risk.Severity item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : NotifyChoice.label(item));
            }
        });
        picker.valueProperty().bindBidirectional(model.notifyAtLeastProperty());
        return picker;
    }
}
