package dev.driftdeck.ui.notifications;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The in-window notification: a banner under the header until the operator looks or dismisses it. */
public final class NotificationBanner extends HBox {

    /**
     * @param show what "Show" does (open the findings)
     */
    public NotificationBanner(NotificationsViewModel model, Runnable show) {
        super(12);
        setId("notification-banner");
        getStyleClass().add("notification-banner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
        visibleProperty().bind(model.visibleProperty());
        managedProperty().bind(model.visibleProperty());

        FontIcon icon = new FontIcon(Feather.BELL);
        icon.getStyleClass().add("notification-icon");
        Label title = new Label();
        title.setId("notification-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(model.titleProperty());
        Label text = new Label();
        text.setId("notification-text");
        text.textProperty().bind(model.textProperty());
        text.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Show findings");
        open.setId("notification-show");
        open.getStyleClass().add(Styles.SMALL);
        open.setOnAction(e -> {
            model.dismiss();
            show.run();
        });
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("notification-dismiss");
        close.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        close.setOnAction(e -> model.dismiss());
        getChildren().addAll(icon, new VBox(1, title, text), spacer, open, close);
    }
}
