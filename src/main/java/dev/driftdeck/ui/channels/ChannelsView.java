package dev.driftdeck.ui.channels;

import atlantafx.base.theme.Styles;
import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Settings, Notifications: the rules (what is announced besides new drift, the digest, quiet hours), the channels (the target masked, never the secret), add one, remove one, "Send test",
 * and the delivery history (when, channel, rule, outcome, attempts, error).
 */
public final class ChannelsView extends VBox {

    public ChannelsView(ChannelsViewModel model) {
        super(10);
        setId("channels-view");
        setPadding(new Insets(14));

        TableView<NotificationChannel> channels = new TableView<>(model.channels());
        channels.setId("channels-table");
        channels.setPrefHeight(150);
        channels.getColumns().add(column("Name", c -> c.name()));
        channels.getColumns().add(column("Kind", c -> c.kind().label()));
        channels.getColumns().add(column("Target", NotificationChannel::targetMasked));
        channels.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button test = new Button("Send test message");
        test.setId("channel-test");
        Button remove = new Button("Remove");
        remove.setId("channel-remove");
        remove.getStyleClass().add(Styles.DANGER);
        test.disableProperty().bind(channels.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(channels.getSelectionModel().selectedItemProperty().isNull());
        test.setOnAction(e -> model.sendTest(channels.getSelectionModel().getSelectedItem()));
        remove.setOnAction(e -> model.remove(channels.getSelectionModel().getSelectedItem()));

        TextField name = new TextField();
        name.setId("channel-name");
        name.setPromptText("Name, e.g. #platform-alerts");
        // The URL is a secret: typed into a password field, shown masked once stored.
        PasswordField url = new PasswordField();
        url.setId("channel-url");
        url.setPromptText("slack+https://hooks.slack.com/…, teams+https://…, https://… or smtp://…");
        HBox.setHgrow(url, Priority.ALWAYS);
        PasswordField signing = new PasswordField();
        signing.setId("channel-signing");
        signing.setPromptText("whsec_… (webhook, optional)");
        Button add = new Button("Add");
        add.setId("channel-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> model.add(name.getText(), url.getText(), signing.getText(), () -> {
            name.clear();
            url.clear();
            signing.clear();
        }));

        Label message = new Label();
        message.setId("channels-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        TableView<DeliveryRecord> history = new TableView<>(model.history());
        history.setId("delivery-history");
        history.getColumns().add(column("When", d -> d.at().toString()));
        history.getColumns().add(column("Channel", DeliveryRecord::channelName));
        history.getColumns().add(column("Rule", DeliveryRecord::rule));
        history.getColumns().add(column("Outcome", DeliveryRecord::outcome));
        TableColumn<DeliveryRecord, Integer> attempts = new TableColumn<>("Attempts");
        attempts.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().attempts()));
        history.getColumns().add(attempts);
        history.getColumns().add(column("Title", DeliveryRecord::title));
        history.getColumns().add(column("Error", d -> d.error() == null ? "" : d.error()));
        VBox.setVgrow(history, Priority.ALWAYS);

        Label rulesTitle = new Label("Rules");
        rulesTitle.getStyleClass().add(Styles.TITLE_4);
        Label channelsTitle = new Label("Channels");
        channelsTitle.getStyleClass().add(Styles.TITLE_4);
        Label historyTitle = new Label("Delivery history");
        historyTitle.getStyleClass().add(Styles.TITLE_4);
        getChildren().addAll(rulesTitle, new NotificationRulesPane(model.rules()), channelsTitle, channels, new HBox(8, test, remove),
                new HBox(8, name, url, signing, add), message, historyTitle, history);
        model.refresh();
        model.rules().load();
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    /** Opens the Notifications window over {@code owner}. */
    public static void open(Window owner, NotificationServices services, dev.driftdeck.ui.BackgroundTasks tasks) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Notifications");
        stage.setScene(new javafx.scene.Scene(new ChannelsView(new ChannelsViewModel(services, tasks)), 900, 760));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.show();
    }
}
