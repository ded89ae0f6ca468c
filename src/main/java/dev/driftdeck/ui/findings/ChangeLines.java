package dev.driftdeck.ui.findings;

import atlantafx.base.theme.Styles;
import dev.driftdeck.meaning.ChangeLine;
import javafx.collections.ListChangeListener;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The detail pane's first reading of a change: one label per line of what changed, marked {@code +}, {@code -} or
 * {@code ~} and coloured like the statuses; a click shows that line's raw values side by side.
 */
final class ChangeLines {

    private ChangeLines() {
    }

    static VBox of(FindingDetailViewModel model) {
        VBox box = new VBox(2);
        box.setId("detail-changes");
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.changes()));
        box.managedProperty().bind(box.visibleProperty());
        model.changes().addListener((ListChangeListener<FindingDetailViewModel.Change>) c -> {
            box.getChildren().setAll(model.changes().stream().map(change -> label(model, change)).toList());
        });
        return box;
    }

    private static Label label(FindingDetailViewModel model, FindingDetailViewModel.Change change) {
        ChangeLine line = change.line();
        Label sign = new Label(String.valueOf(line.sign().symbol()));
        sign.getStyleClass().addAll(Styles.TEXT_BOLD, switch (line.sign()) {
            case ADDED -> Styles.SUCCESS;
            case REMOVED -> Styles.DANGER;
            case CHANGED -> Styles.WARNING;
        });
        sign.setMinWidth(14);
        Label label = new Label(line.text(), sign);
        label.getStyleClass().add("change-line");
        label.setWrapText(true);
        label.setCursor(Cursor.HAND);
        label.setTooltip(new Tooltip("Click to see " + change.diff().dottedPath() + " raw, state beside AWS"));
        label.setOnMouseClicked(e -> model.showRawOf(change));
        return label;
    }
}
