package dev.driftdeck.ui.scheduler;

import atlantafx.base.theme.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Locale;

/** Per job: state, last run, next run (a live countdown), counters and any blocked reason. */
public final class SchedulerView extends VBox {

    private final SchedulerViewModel model;
    private final VBox rows = new VBox(10);
    private final Timeline countdown;

    public SchedulerView(SchedulerViewModel model) {
        super(10);
        this.model = model;
        getStyleClass().add("scheduler-view");
        setId("scheduler-panel");
        setPadding(new Insets(12));

        Label title = new Label("Scheduler");
        title.getStyleClass().add(Styles.TITLE_4);

        model.jobs().addListener((ListChangeListener<JobLine>) change -> render());
        render();
        getChildren().setAll(title, rows);

        // Snapshots only arrive on changes; the countdown text must still move every second.
        countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        countdown.setCycleCount(Animation.INDEFINITE);
    }

    public void startCountdown() {
        countdown.play();
    }

    public void stopCountdown() {
        countdown.stop();
    }

    private void render() {
        if (model.jobs().isEmpty()) {
            Label empty = new Label();
            empty.setWrapText(true);
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            empty.textProperty().bind(model.emptyTextProperty());
            rows.getChildren().setAll(empty);
            return;
        }
        rows.getChildren().setAll(model.jobs().stream().map(SchedulerView::jobCard).toList());
    }

    private static Node jobCard(JobLine line) {
        Label name = new Label(line.job());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label state = new Label(line.state());
        state.setId("job-state-" + line.job());
        state.getStyleClass().addAll("job-state", "job-state-" + line.stateValue().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, name, spacer, state);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(3, header,
                detail("Last run", line.lastRun(), "job-last-" + line.job()),
                value(line.nextRun(), "job-next-" + line.job()),
                muted(line.counters()));
        if (!line.reason().isEmpty()) {
            Label reason = new Label(line.reason());
            reason.setWrapText(true);
            reason.getStyleClass().add(Styles.DANGER);
            card.getChildren().add(reason);
        }
        card.getStyleClass().add("job-card");
        return card;
    }

    private static Node detail(String key, String value, String id) {
        Label keyLabel = new Label(key);
        keyLabel.getStyleClass().add(Styles.TEXT_MUTED);
        keyLabel.setMinWidth(60);
        Label valueLabel = new Label(value);
        valueLabel.setId(id);
        valueLabel.setWrapText(true);
        return new HBox(6, keyLabel, valueLabel);
    }

    private static Node value(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        return label;
    }

    private static Node muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }
}
