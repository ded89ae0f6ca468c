package dev.driftdeck.ui.overview;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Bottom line: scan progress, the scheduler's last word, and the facts of the scan on screen. */
public final class StatusBar extends HBox {

    /**
     * @param jobFailure  the first failed job's error, fix and next attempt ("" when none failed)
     * @param jobFailures every failed job's, one per line, for the tooltip
     */
    public StatusBar(ScanProgressViewModel progress, SummaryViewModel summary, ObservableStringValue schedulerMessage,
                     ObservableStringValue jobFailure, ObservableStringValue jobFailures) {
        super(10);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));

        ProgressBar bar = new ProgressBar();
        bar.setId("scan-progress");
        bar.setPrefWidth(160);
        bar.getStyleClass().add(Styles.SMALL);
        bar.progressProperty().bind(progress.fractionProperty());
        Label progressText = new Label();
        progressText.setId("scan-progress-text");
        progressText.textProperty().bind(progress.messageProperty());
        // The progress text gives way first when space is short; the scan facts on the right keep their width.
        progressText.setMinWidth(0);
        HBox.setHgrow(progressText, Priority.SOMETIMES);
        for (var node : new javafx.scene.Node[]{bar, progressText}) {
            node.visibleProperty().bind(progress.activeProperty());
            node.managedProperty().bind(progress.activeProperty());
        }

        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(schedulerMessage);
        message.setMinWidth(0);

        // A failed job stays in sight until a run ends otherwise; the whole text is on hover.
        Label failure = new Label();
        failure.setId("status-job-failure");
        failure.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.ALERT_OCTAGON));
        failure.getStyleClass().add(Styles.DANGER);
        failure.textProperty().bind(jobFailure);
        failure.setMinWidth(0);
        HBox.setHgrow(failure, Priority.SOMETIMES);
        javafx.scene.control.Tooltip failureText = new javafx.scene.control.Tooltip();
        failureText.textProperty().bind(jobFailures);
        failureText.setWrapText(true);
        failureText.setMaxWidth(600);
        failure.setTooltip(failureText);
        failure.visibleProperty().bind(failure.textProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label drift = new Label();
        drift.setId("status-drift");
        drift.textProperty().bind(summary.driftTextProperty());
        Label lastScan = new Label();
        lastScan.setId("status-last-scan");
        lastScan.getStyleClass().add(Styles.TEXT_MUTED);
        lastScan.textProperty().bind(summary.lastScanTextProperty());
        Label coverage = new Label();
        coverage.textProperty().bind(summary.coverageTextProperty());

        Separator afterDrift = separator();
        // Before the first scan there is no drift line: drop it and its separator rather than show a dangling bar.
        for (var node : new javafx.scene.Node[]{drift, afterDrift}) {
            node.visibleProperty().bind(summary.driftTextProperty().isNotEmpty());
            node.managedProperty().bind(node.visibleProperty());
        }
        // Alerts need the operator's attention (missing IAM permissions...): a warning label, details on hover.
        Label alerts = new Label();
        alerts.setId("status-alerts");
        alerts.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.ALERT_TRIANGLE));
        alerts.getStyleClass().addAll(Styles.WARNING, "status-alerts");
        alerts.textProperty().bind(summary.alertCountTextProperty());
        javafx.scene.control.Tooltip alertList = new javafx.scene.control.Tooltip();
        alertList.textProperty().bind(summary.alertsTextProperty());
        alertList.setWrapText(true);
        alertList.setMaxWidth(600);
        alerts.setTooltip(alertList);
        Separator afterAlerts = separator();
        for (var node : new javafx.scene.Node[]{alerts, afterAlerts}) {
            node.visibleProperty().bind(summary.alertCountTextProperty().isNotEmpty());
            node.managedProperty().bind(node.visibleProperty());
        }

        for (Label fixed : new Label[]{alerts, drift, lastScan, coverage}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(bar, progressText, failure, message, spacer, alerts, afterAlerts, drift, afterDrift, lastScan, separator(), coverage);
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
