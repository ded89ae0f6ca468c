package dev.driftdeck.ui.channels;

import dev.driftdeck.store.DeliveryRecord;
import dev.driftdeck.store.NotificationChannel;
import dev.driftdeck.ui.BackgroundTasks;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The rules, the channels and the delivery history; every call to the services runs in the background. */
public final class ChannelsViewModel {

    static final int HISTORY = 200;

    private final NotificationServices services;
    private final BackgroundTasks tasks;
    private final ObservableList<NotificationChannel> channels = FXCollections.observableArrayList();
    private final ObservableList<DeliveryRecord> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final NotificationRulesViewModel rules;

    public ChannelsViewModel(NotificationServices services, BackgroundTasks tasks) {
        this.services = services;
        this.tasks = tasks;
        this.rules = new NotificationRulesViewModel(services, tasks);
    }

    public NotificationRulesViewModel rules() {
        return rules;
    }

    public void refresh() {
        record Snapshot(List<NotificationChannel> channels, List<DeliveryRecord> history) {
        }
        tasks.run(() -> new Snapshot(services.channels(), services.history(HISTORY)), snapshot -> {
            channels.setAll(snapshot.channels());
            history.setAll(snapshot.history());
        }, e -> message.set("Could not read the notification channels: " + e.getMessage()));
    }

    public void add(String name, String url, String signingSecret, Runnable onAdded) {
        if (name.isBlank() || url.isBlank()) {
            message.set("Give the channel a name and its URL.");
            return;
        }
        tasks.run(() -> services.add(name.trim(), url.trim(), signingSecret), added -> {
            message.set("Added " + added.name() + " (" + added.targetMasked() + ").");
            onAdded.run();
            refresh();
        }, e -> message.set(e.getMessage()));
    }

    public void remove(NotificationChannel channel) {
        tasks.run(() -> services.remove(channel.id()), () -> {
            message.set("Removed " + channel.name() + ".");
            refresh();
        }, e -> message.set("Could not remove " + channel.name() + ": " + e.getMessage()));
    }

    public void sendTest(NotificationChannel channel) {
        message.set("Sending a test message to " + channel.name() + "…");
        tasks.run(() -> services.sendTest(channel.id()), delivery -> {
            message.set("SENT".equals(delivery.outcome()) ? "Test message sent to " + channel.name() + "."
                    : "The test message to " + channel.name() + " failed: " + delivery.error());
            refresh();
        }, e -> message.set("Could not send to " + channel.name() + ": " + e.getMessage()));
    }

    public ObservableList<NotificationChannel> channels() {
        return channels;
    }

    public ObservableList<DeliveryRecord> history() {
        return history;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
