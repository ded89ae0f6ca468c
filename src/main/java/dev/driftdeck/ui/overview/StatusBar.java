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

    public StatusBar(ScanProgressViewModel progress, SummaryViewModel summary, ObservableStringValue schedulerMessage) {
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
        for (var node : new javafx.scene.Node[]{bar, progressText}) {
            node.visibleProperty().bind(progress.activeProperty());
            node.managedProperty().bind(progress.activeProperty());
        }

        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(schedulerMessage);
        message.setMinWidth(0);

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
        getChildren().addAll(bar, progressText, message, spacer, drift, afterDrift, lastScan, separator(), coverage);
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
