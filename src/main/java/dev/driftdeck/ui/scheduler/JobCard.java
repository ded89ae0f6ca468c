package dev.driftdeck.ui.scheduler;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * One job in the scheduler panel. Updated in place every second (the countdown), so hovering or
 * reading it does not flicker as it would if the nodes were rebuilt.
 */
final class JobCard extends VBox {

    private final String job;
    private final Label state = new Label();
    private final Label lastRun = new Label();
    private final Label nextRun = new Label();
    private final Label counters = new Label();
    private final Label reason = new Label();

    JobCard(String job) {
        super(3);
        this.job = job;
        getStyleClass().add("job-card");

        Label name = new Label(job);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        state.setId("job-state-" + job);
        state.getStyleClass().add("job-state");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, name, spacer, state);
        header.setAlignment(Pos.CENTER_LEFT);

        Label lastKey = new Label("Last run");
        lastKey.getStyleClass().add(Styles.TEXT_MUTED);
        lastKey.setMinWidth(Region.USE_PREF_SIZE);
        lastRun.setId("job-last-" + job);
        lastRun.setWrapText(true);
        nextRun.setId("job-next-" + job);
        counters.setWrapText(true);
        counters.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        reason.setId("job-reason-" + job);
        reason.setWrapText(true);
        reason.getStyleClass().add(Styles.DANGER);
        reason.managedProperty().bind(reason.visibleProperty());

        getChildren().setAll(header, new HBox(6, lastKey, lastRun), nextRun, counters, reason);
    }

    String job() {
        return job;
    }

    void show(JobLine line) {
        state.setText(line.state());
        state.getStyleClass().removeIf(c -> c.startsWith("job-state-"));
        state.getStyleClass().add("job-state-" + line.stateValue().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        lastRun.setText(line.lastRun());
        nextRun.setText(line.nextRun());
        counters.setText(line.counters());
        reason.setText(line.reason());
        reason.setVisible(!line.reason().isEmpty());
    }
}
