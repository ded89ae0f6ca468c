package dev.driftdeck.ui.scheduler;

import atlantafx.base.theme.Styles;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunOutcome;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.ConsoleServices;
import dev.driftdeck.ui.TimeText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The scheduler's run history: filter by job and outcome, one row per run (trigger, slot, start, duration,
 * outcome, coalesced slots), and the selected run's error with its stack below. Loads off the FX thread.
 */
public final class RunHistoryView extends VBox {

    static final String ALL = "All";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final int LIMIT = 500;

    private final ConsoleServices services;
    private final BackgroundTasks tasks;
    private final ComboBox<String> jobFilter = new ComboBox<>();
    private final ComboBox<String> outcomeFilter = new ComboBox<>();
    private final TableView<JobRun> table = new TableView<>();
    private final TextArea detail = new TextArea();
    private final Label status = new Label();

    public RunHistoryView(ConsoleServices services, BackgroundTasks tasks, List<String> jobs) {
        super(8);
        this.services = services;
        this.tasks = tasks;
        setId("run-history");
        setPadding(new Insets(12));

        jobFilter.setId("history-job");
        jobFilter.getItems().add(ALL);
        jobFilter.getItems().addAll(jobs);
        jobFilter.setValue(ALL);
        outcomeFilter.setId("history-outcome");
        outcomeFilter.getItems().add(ALL);
        for (RunOutcome outcome : RunOutcome.values()) {
            outcomeFilter.getItems().add(outcome.name());
        }
        outcomeFilter.setValue(ALL);
        jobFilter.setOnAction(e -> reload());
        outcomeFilter.setOnAction(e -> reload());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> reload());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox filters = new HBox(8, new Label("Job"), jobFilter, new Label("Outcome"), outcomeFilter, refresh, status);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("history-table");
        table.getColumns().setAll(List.of(
                column("Job", JobRun::job, 110),
                column("Trigger", run -> run.trigger().name().toLowerCase(java.util.Locale.ROOT), 80),
                column("Scheduled for", run -> TIME.format(run.scheduledFor()), 135),
                column("Started", run -> TIME.format(run.startedAt()), 135),
                column("Finished", run -> run.finishedAt() == null ? "" : TIME.format(run.finishedAt()), 135),
                column("Duration", run -> run.duration() == null ? "running" : TimeText.elapsed(run.duration()), 80),
                column("Outcome", run -> run.outcome() == null ? "RUNNING" : run.outcome().name(), 95),
                column("Coalesced", run -> Integer.toString(run.coalescedSlots()), 75)));
        table.setPlaceholder(new Label("No runs match these filters"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, run) -> detail.setText(detailOf(run)));

        detail.setId("history-detail");
        detail.setEditable(false);
        detail.setWrapText(true); // the error message line is long; stack lines are short either way
        detail.getStyleClass().add("monospace");
        detail.setPromptText("Select a run to see its error and stack trace");

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        getChildren().setAll(filters, split);
        reload();
    }

    /** Opens the history in its own window, so it can stay open beside the console. */
    public static void open(Window owner, ConsoleServices services, BackgroundTasks tasks, List<String> jobs) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Driftdeck — run history");
        Scene scene = new Scene(new RunHistoryView(services, tasks, jobs), 1000, 600);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }

    void reload() {
        String job = ALL.equals(jobFilter.getValue()) ? null : jobFilter.getValue();
        RunOutcome outcome = ALL.equals(outcomeFilter.getValue()) ? null : RunOutcome.valueOf(outcomeFilter.getValue());
        status.setText("Loading…");
        tasks.run(() -> services.runHistory(new RunQuery(job, outcome, LIMIT)), runs -> {
            table.getItems().setAll(runs);
            status.setText(runs.size() + (runs.size() == LIMIT ? "+ runs (newest shown)" : " run(s)"));
        }, e -> status.setText("Could not load the run history: " + e.getMessage()));
    }

    static String detailOf(JobRun run) {
        if (run == null) {
            return "";
        }
        String head = run.job() + " · " + (run.outcome() == null ? "RUNNING" : run.outcome().name())
                + " · " + run.trigger().name().toLowerCase(java.util.Locale.ROOT)
                + (run.coalescedSlots() > 0 ? " · stood for " + run.coalescedSlots() + " missed slot(s)" : "");
        return head + "\n\n" + (run.error() == null ? "No error." : run.error());
    }

    private static TableColumn<JobRun, String> column(String title, Function<JobRun, String> value, double width) {
        TableColumn<JobRun, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
