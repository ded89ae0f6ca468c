package dev.driftdeck.ui;

import atlantafx.base.theme.Styles;
import dev.driftdeck.ui.about.AboutDialog;
import dev.driftdeck.ui.findings.FindingDetailView;
import dev.driftdeck.ui.findings.FindingsView;
import dev.driftdeck.ui.overview.StatusBar;
import dev.driftdeck.ui.overview.SummaryStrip;
import dev.driftdeck.ui.scheduler.SchedulerView;
import dev.driftdeck.ui.settings.SettingsDialog;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: header with actions, read-only banner, summary strip, findings table,
 * detail pane, scheduler panel and status bar. Builds and binds controls; logic stays in the view models.
 */
public final class ConsoleView extends BorderPane {

    private final ConsoleViewModel model;
    private final SchedulerView schedulerView;
    private final FindingsView findingsView;

    public ConsoleView(ConsoleViewModel model) {
        this.model = model;
        getStyleClass().add("console");

        VBox top = new VBox();
        if (model.readOnly()) {
            top.getChildren().add(readOnlyBanner());
        }
        top.getChildren().addAll(header(), new SummaryStrip(model.summary(), model.findings().statusFilterProperty()));

        FindingsView findings = new FindingsView(model.findings());
        findingsView = findings;
        findings.setPadding(new Insets(10, 12, 0, 12));
        FindingDetailView detail = new FindingDetailView(model.detail());
        schedulerView = new SchedulerView(model.scheduler());
        ScrollPane schedulerScroll = new ScrollPane(schedulerView);
        schedulerScroll.setFitToWidth(true);
        schedulerScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        SplitPane side = new SplitPane(detail, schedulerScroll);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.52);
        SplitPane center = new SplitPane(findings, side);
        center.setDividerPositions(0.64);

        setTop(top);
        setCenter(center);
        setBottom(new StatusBar(model.progress(), model.summary(), model.messageProperty()));
    }

    /** Keyboard shortcuts that need the scene: Ctrl/Cmd+F searches. */
    void installShortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), findingsView::focusSearch);
    }

    /** Starts the countdown timeline; the window calls it once shown. */
    void startTimers() {
        schedulerView.startCountdown();
    }

    void stopTimers() {
        schedulerView.stopCountdown();
    }

    private HBox header() {
        Label title = new Label("Driftdeck");
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        Label subtitle = new Label("Terraform state vs. live AWS");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button settings = new Button("Settings", new FontIcon(Feather.SETTINGS));
        settings.setId("settings-button");
        settings.setOnAction(e -> SettingsDialog.open(getScene().getWindow(), model.services(), model.tasks(),
                saved -> model.showMessage("Settings saved"), model::showMessage));

        Button about = new Button(null, new FontIcon(Feather.INFO));
        about.setId("about-button");
        about.setTooltip(new javafx.scene.control.Tooltip("About Driftdeck: version, data directory, log file"));
        about.getStyleClass().add(Styles.FLAT);
        about.setOnAction(e -> AboutDialog.open(getScene().getWindow(), model.services(), model.tasks()));

        Button scanNow = new Button();
        scanNow.setId("scan-now");
        scanNow.setGraphic(new FontIcon(Feather.REFRESH_CW));
        scanNow.getStyleClass().add(Styles.ACCENT);
        scanNow.setMinWidth(140);
        scanNow.textProperty().bind(model.scheduler().scanButtonTextProperty());
        scanNow.disableProperty().bind(model.scheduler().scanButtonDisabledProperty());
        scanNow.setOnAction(e -> model.scheduler().scanNow());

        HBox header = new HBox(10, title, subtitle, spacer, about, settings, scanNow);
        header.getStyleClass().add("header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 12, 6, 12));
        return header;
    }

    private HBox readOnlyBanner() {
        Label reason = new Label("Read-only: " + model.readOnlyReason());
        reason.setId("read-only-reason");
        reason.setWrapText(true);
        reason.getStyleClass().addAll(Styles.TEXT_BOLD, "read-only-reason");
        Label hint = new Label(model.readOnlyHint());
        hint.setId("read-only-hint");
        hint.setWrapText(true);
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().add("read-only-icon");
        HBox banner = new HBox(12, icon, new VBox(2, reason, hint));
        banner.setId("read-only-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(10, 12, 10, 12));
        banner.getStyleClass().add("read-only-banner");
        return banner;
    }
}
