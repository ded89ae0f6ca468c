package dev.driftdeck.ui.findings;

import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/**
 * One picker above the findings table: "All types" first, then the scan's values. The model's null ("all") is
 * the empty string here, because a combo box cannot show a null item.
 */
final class PickerBox extends ComboBox<String> {

    private static final String ALL = "";

    PickerBox(String id, String allText, StringProperty value, ObservableList<String> options) {
        setId(id);
        setTooltip(new Tooltip("Show only findings with this value"));
        setVisibleRowCount(16);
        setPrefWidth(160);
        setMaxWidth(240);
        getItems().add(ALL);
        getItems().addAll(options);
        options.addListener((ListChangeListener<String>) c -> {
            String keep = getValue();
            getItems().setAll(ALL);
            getItems().addAll(options);
            setValue(keep);
        });
        setCellFactory(list -> new Cell(allText));
        setButtonCell(new Cell(allText));
        setValue(value.get() == null ? ALL : value.get());
        valueProperty().addListener((obs, old, now) -> value.set(now == null || now.isEmpty() ? null : now));
        value.addListener((obs, old, now) -> setValue(now == null ? ALL : now));
    }

    private static final class Cell extends ListCell<String> {
        private final String allText;

        Cell(String allText) {
            this.allText = allText;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.isEmpty() ? allText : item);
        }
    }
}
