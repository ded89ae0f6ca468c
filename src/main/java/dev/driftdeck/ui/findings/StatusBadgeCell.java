package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingStatus;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** A status shown as a coloured badge; the colour comes from the {@code status-*} class in console.css. */
final class StatusBadgeCell<S> extends TableCell<S, FindingStatus> {

    private final Label badge = new Label();

    StatusBadgeCell() {
        badge.getStyleClass().add("status-badge");
        setText(null);
    }

    @Override
    protected void updateItem(FindingStatus status, boolean empty) {
        super.updateItem(status, empty);
        if (empty || status == null) {
            setGraphic(null);
            return;
        }
        badge.setText(StatusText.label(status));
        badge.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-badge"));
        badge.getStyleClass().add(StatusText.styleClass(status));
        setGraphic(badge);
    }
}
