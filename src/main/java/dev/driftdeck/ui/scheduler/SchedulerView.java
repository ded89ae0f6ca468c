package dev.driftdeck.ui.scheduler;

import atlantafx.base.theme.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;

/** Per job: state, last run, next run (a live countdown), counters and any blocked reason. */
public final class SchedulerView extends VBox {

    private final SchedulerViewModel model;
    private final VBox rows = new VBox(10);
    private final Timeline countdown;
    private Runnable onShowHistory = () -> { };

    public SchedulerView(SchedulerViewModel model) {
        super(10);
        this.model = model;
        getStyleClass().add("scheduler-view");
        setId("scheduler-panel");
        setPadding(new Insets(12));

        Label title = new Label("Scheduler");
        title.getStyleClass().add(Styles.TITLE_4);
        Button history = new Button("Run history…");
        history.setId("run-history-button");
        history.getStyleClass().add(Styles.SMALL);
        history.setOnAction(e -> onShowHistory.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(8, title, spacer, history);
        heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label team = new Label();
        team.setId("team-leader");
        team.setWrapText(true);
        team.textProperty().bind(model.teamTextProperty());
        team.visibleProperty().bind(model.teamTextProperty().isNotEmpty());
        team.managedProperty().bind(team.visibleProperty());

        model.jobs().addListener((ListChangeListener<JobLine>) change -> render());
        render();
        getChildren().setAll(heading, team, rows);

        // Snapshots only arrive on changes; the countdown text must still move every second.
        countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        countdown.setCycleCount(Animation.INDEFINITE);
    }

    /** What "Run history…" opens; the console window wires it, since the dialog needs the console's services. */
    public void setOnShowHistory(Runnable action) {
        onShowHistory = action;
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
        List<String> shown = rows.getChildren().stream()
                .map(node -> node instanceof JobCard card ? card.job() : "").toList();
        List<String> wanted = model.jobs().stream().map(JobLine::job).toList();
        if (!shown.equals(wanted)) {
            // The set of jobs changed (rare): new cards. Otherwise the same cards are updated in place.
            rows.getChildren().setAll(wanted.stream().map(job -> new JobCard(job, model)).toList());
        }
        for (int i = 0; i < wanted.size(); i++) {
            ((JobCard) rows.getChildren().get(i)).show(model.jobs().get(i));
        }
    }
}
