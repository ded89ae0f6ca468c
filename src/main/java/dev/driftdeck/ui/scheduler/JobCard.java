package dev.driftdeck.ui.scheduler;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * One job in the scheduler panel: state, last run, countdown, counters, and its controls (Run now, Pause/Resume,
 * the schedule). Updated in place every second (the countdown), so hovering or typing does not flicker or lose
 * focus as it would if the nodes were rebuilt.
 */
final class JobCard extends VBox {

    private final String job;
    private final Label state = new Label();
    private final Label lastRun = new Label();
    private final Label nextRun = new Label();
    private final Label counters = new Label();
    private final Label reason = new Label();
    private final Label error = new Label();
    private final Label fix = new Label();
    private final Label schedule = new Label();
    private final Button runNow = new Button(JobLine.RUN_NOW);
    private final Button pauseResume = new Button("Pause");
    private final TextField scheduleField = new TextField();
    private final Label scheduleUnit = new Label();
    private final VBox info;
    private String shownScheduleInput = "";

    JobCard(String job, SchedulerViewModel model) {
        super(4);
        this.job = job;
        getStyleClass().add("job-card");
        setId("job-card-" + job);

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
        schedule.setId("job-schedule-" + job);
        schedule.getStyleClass().add(Styles.TEXT_MUTED);
        error.setId("job-error-" + job);
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        fix.setId("job-fix-" + job);
        fix.setWrapText(true);
        fix.getStyleClass().add(Styles.TEXT_BOLD);
        for (Label failure : new Label[]{error, fix}) {
            failure.managedProperty().bind(failure.visibleProperty());
        }
        info = new VBox(3, new HBox(6, lastKey, lastRun), new HBox(6, nextRun, schedule), counters, error, fix, reason);

        runNow.setId("job-run-now-" + job);
        runNow.getStyleClass().add(Styles.SMALL);
        runNow.setOnAction(e -> model.runNow(job));
        pauseResume.setId("job-pause-" + job);
        pauseResume.getStyleClass().add(Styles.SMALL);
        pauseResume.setOnAction(e -> {
            if ("Resume".equals(pauseResume.getText())) {
                model.resume(job);
            } else {
                model.pause(job);
            }
        });
        scheduleField.setId("job-schedule-input-" + job);
        scheduleField.getStyleClass().add(Styles.SMALL);
        scheduleField.setPrefColumnCount(5);
        Button apply = new Button("Set");
        apply.setId("job-schedule-apply-" + job);
        apply.getStyleClass().add(Styles.SMALL);
        apply.setOnAction(e -> model.reschedule(job, scheduleField.getText()));
        scheduleField.setOnAction(e -> apply.fire());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        scheduleUnit.getStyleClass().add(Styles.TEXT_MUTED);
        HBox controls = new HBox(6, runNow, pauseResume, gap, scheduleUnit, scheduleField, apply);
        controls.setAlignment(Pos.CENTER_LEFT);

        getChildren().setAll(header, info, controls);
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
        schedule.setText(line.schedule().isEmpty() ? "" : "· " + line.schedule());
        counters.setText(line.counters());
        reason.setText(line.reason());
        reason.setVisible(!line.reason().isEmpty());
        error.setText(line.error());
        error.setVisible(!line.error().isEmpty());
        fix.setText(line.fix());
        fix.setVisible(!line.fix().isEmpty());
        // Paused: the facts grey out, the controls stay readable so Resume is easy to find.
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("paused"), line.paused());
        info.setOpacity(line.paused() ? 0.45 : 1.0);
        pauseResume.setText(line.paused() ? "Resume" : "Pause");
        runNow.setText(line.runNow());
        runNow.setDisable(JobLine.QUEUED.equals(line.runNow()) || line.paused());
        boolean editing = scheduleField.isFocused();
        if (!editing && !line.scheduleInput().equals(shownScheduleInput)) {
            scheduleField.setText(line.scheduleInput());
            shownScheduleInput = line.scheduleInput();
        }
        boolean daily = line.scheduleInput().contains(":");
        scheduleField.setPromptText(daily ? "HH:MM" : "minutes");
        scheduleUnit.setText(daily ? "daily at" : "every (min)");
    }
}
