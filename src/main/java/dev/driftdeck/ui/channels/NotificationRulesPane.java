package dev.driftdeck.ui.channels;

import atlantafx.base.theme.Styles;
import dev.driftdeck.store.NotificationSettings.Digest;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * The Notifications window's "Rules": what the channels are told besides new drift (whose floor is Settings'
 * "Notify about new drift"), the digest and quiet hours, with its own Save (the channels save as they are added).
 */
final class NotificationRulesPane extends GridPane {

    NotificationRulesPane(NotificationRulesViewModel model) {
        setId("notification-rules");
        setHgap(10);
        setVgap(6);
        setPadding(new Insets(0, 0, 4, 0));

        CheckBox resolved = new CheckBox("Announce resolved drift");
        resolved.setId("rules-resolved");
        resolved.selectedProperty().bindBidirectional(model.resolvedProperty());
        CheckBox jobFailures = new CheckBox("Announce failed jobs");
        jobFailures.setId("rules-job-failures");
        jobFailures.selectedProperty().bindBidirectional(model.jobFailuresProperty());

        TextField staleHours = field("rules-stale-hours", "24", 5, model.staleHoursProperty());
        ComboBox<Digest> digest = new ComboBox<>(FXCollections.observableArrayList(Digest.values()));
        digest.setId("rules-digest");
        digest.valueProperty().bindBidirectional(model.digestProperty());
        digest.setConverter(new StringConverter<>() {
            @Override
            public String toString(Digest value) {
                return value == null ? "" : NotificationRulesViewModel.label(value);
            }

            @Override
            public Digest fromString(String text) {
                throw new UnsupportedOperationException("the digest picker is not editable");
            }
        });
        TextField quietFrom = field("rules-quiet-from", "22:00", 6, model.quietFromProperty());
        TextField quietTo = field("rules-quiet-to", "07:00", 6, model.quietToProperty());

        Button save = new Button("Save rules");
        save.setId("rules-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.validProperty().not().or(model.loadedProperty().not())
                .or(model.savingProperty()));
        save.setOnAction(e -> model.save());
        Label problems = new Label();
        problems.setId("rules-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add(Styles.DANGER);
        problems.textProperty().bind(model.problemTextProperty());
        Label message = new Label();
        message.setId("rules-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        int row = 0;
        add(new HBox(16, resolved, jobFailures), 0, row++, 2, 1);
        addRow(row++, new Label("Warn when no scan succeeded for"),
                new HBox(6, staleHours, new Label("hours (0 = never)")));
        addRow(row++, new Label("Digest"), digest);
        addRow(row++, new Label("Quiet hours from"), new HBox(6, quietFrom, new Label("to"), quietTo,
                new Label("(HH:MM, both or neither; new drift waits until they end)")));
        add(new HBox(10, save, message), 0, row++, 2, 1);
        add(problems, 0, row, 2, 1);
    }

    private static TextField field(String id, String prompt, int columns, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
