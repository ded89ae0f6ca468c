package dev.driftdeck.ui;

import dev.driftdeck.risk.Severity;
import javafx.beans.property.Property;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/**
 * A choice of "Any drift" or a minimum severity, as the notification setting and the trend's filter offer it.
 * Info is left out: every drift has a severity, so "Info or worse" would read the same as "Any drift".
 */
public final class SeverityFloorPicker {

    private SeverityFloorPicker() {
    }

    /** "Any drift" for no floor, "Critical only" for the top, else "High or worse". */
    public static String label(Severity floor) {
        if (floor == null) {
            return "Any drift";
        }
        return floor == Severity.CRITICAL ? "Critical only" : floor.label() + " or worse";
    }

    /** A picker with the given id, bound both ways to {@code floor} (null is "Any drift"). */
    public static ComboBox<Severity> create(String id, Property<Severity> floor) {
        ComboBox<Severity> picker = new ComboBox<>();
        picker.setId(id);
        picker.getItems().add(null);
        picker.getItems().addAll(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Severity severity) {
                return label(severity);
            }

            @Override
            public Severity fromString(String text) {
                throw new UnsupportedOperationException("the picker is not editable");
            }
        });
        // The button cell of a ComboBox skips the converter for a null value; without this "Any drift" shows blank.
        picker.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Severity item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : label(item));
            }
        });
        picker.valueProperty().bindBidirectional(floor);
        return picker;
    }
}
