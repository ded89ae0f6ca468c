package dev.driftdeck.ui.overview;

import atlantafx.base.theme.Styles;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.ui.SeverityFloorPicker;
import dev.driftdeck.ui.findings.StatusText;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The overview page: Monday morning in one screen. Coverage, counts (each opens the findings filtered), new and
 * resolved drift since the last scan, the next scan, the trend, alerts and coverage by account and source.
 */
public final class OverviewView extends ScrollPane {

    /**
     * @param showFindings opens the findings page filtered to a status (null for all)
     * @param guide        the first-run guide, above the cards (it hides itself once done)
     */
    public OverviewView(OverviewViewModel model, SummaryViewModel summary, Consumer<FindingStatus> showFindings,
                        FirstRunGuideView guide) {
        setId("overview-page");
        setFitToWidth(true);
        getStyleClass().addAll("overview", atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(14);
        grid.setPadding(new Insets(16));
        for (int i = 0; i < 3; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }

        grid.add(coverageCard(summary), 0, 0);
        grid.add(countsCard(summary, showFindings), 1, 0);
        grid.add(changesCard(model), 2, 0);
        grid.add(highestRiskCard(model, () -> showFindings.accept(null)), 0, 1, 3, 1);

        HBox trendFilter = new HBox(8, new Label("Show"),
                SeverityFloorPicker.create("trend-severity", model.trendFloorProperty()));
        trendFilter.setAlignment(Pos.CENTER_LEFT);
        VBox driftTrend = card("Trend", trendFilter, TrendChart.drift(model.trend(), model.trendFloorProperty()),
                caption(model.trendCaptionProperty()));
        grid.add(driftTrend, 0, 2, 2, 1);
        grid.add(card("Coverage over time", TrendChart.coverage(model.trend())), 2, 2);

        grid.add(findingsCard("New since last scan", "overview-new", model.newDrift(),
                "No new drift.", () -> showFindings.accept(null)), 0, 3);
        grid.add(findingsCard("Resolved since last scan", "overview-resolved", model.resolved(),
                "Nothing resolved.", null), 1, 3);
        grid.add(alertsCard(model.alerts(), model.alertsPlaceholderProperty()), 2, 3);

        grid.add(breakdownCard("Coverage by account", "overview-accounts", model.accounts()), 0, 4);
        grid.add(breakdownCard("State sources (share in sync)", "overview-sources", model.sources()), 1, 4, 2, 1);

        VBox.setMargin(guide, new Insets(16, 16, 0, 16));
        setContent(new VBox(jobFailure(model), guide, grid));
    }

    /** A failed job (the scan above all) heads the page with its error, its fix and the next attempt. */
    private static Label jobFailure(OverviewViewModel model) {
        Label failure = new Label();
        failure.setId("overview-job-failure");
        failure.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.ALERT_OCTAGON));
        failure.getStyleClass().addAll(Styles.DANGER, "overview-job-failure");
        failure.setWrapText(true);
        failure.setMinHeight(Region.USE_PREF_SIZE);
        failure.setPadding(new Insets(16, 16, 0, 16));
        failure.textProperty().bind(model.jobFailureProperty());
        failure.visibleProperty().bind(failure.textProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        return failure;
    }

    private static VBox coverageCard(SummaryViewModel summary) {
        Label figure = new Label();
        figure.setId("overview-coverage");
        figure.getStyleClass().add("big-figure");
        figure.textProperty().bind(Bindings.createStringBinding(
                () -> summary.coverageTextProperty().get().replace("Coverage ", ""), summary.coverageTextProperty()));
        Label detail = caption(summary.coverageDetailProperty());
        Label last = caption(summary.lastScanTextProperty());
        last.setId("overview-last-scan");
        return card("Coverage", figure, detail, last);
    }

    private static VBox countsCard(SummaryViewModel summary, Consumer<FindingStatus> showFindings) {
        GridPane counts = new GridPane();
        counts.setHgap(8);
        counts.setVgap(4);
        FindingStatus[] order = Arrays.stream(FindingStatus.values()).sorted(StatusText.URGENCY).toArray(FindingStatus[]::new);
        for (int i = 0; i < order.length; i++) {
            FindingStatus status = order[i];
            Button count = new Button();
            count.setId("overview-count-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            count.getStyleClass().addAll(Styles.FLAT, "count-button", "count-" + StatusText.styleClass(status));
            count.textProperty().bind(Bindings.concat(summary.countProperty(status), "  ", StatusText.label(status)));
            count.setMaxWidth(Double.MAX_VALUE);
            count.setAlignment(Pos.CENTER_LEFT);
            count.setOnAction(e -> showFindings.accept(status));
            GridPane.setHgrow(count, Priority.ALWAYS);
            counts.add(count, i % 2, i / 2);
        }
        return card("Findings by status", counts);
    }

    private static VBox changesCard(OverviewViewModel model) {
        Label fresh = new Label();
        fresh.setId("overview-new-count");
        fresh.getStyleClass().addAll("big-figure", "figure-new");
        fresh.textProperty().bind(model.newTextProperty());
        Label resolved = new Label();
        resolved.setId("overview-resolved-count");
        resolved.getStyleClass().addAll("big-figure", "figure-resolved");
        resolved.textProperty().bind(model.resolvedTextProperty());
        HBox figures = new HBox(24, labelled(fresh, "new"), labelled(resolved, "resolved"));
        Label caption = caption(model.changesCaptionProperty());
        caption.setId("overview-changes-caption");
        Label next = new Label();
        next.setId("overview-next-run");
        next.getStyleClass().add(Styles.TEXT_BOLD);
        next.textProperty().bind(Bindings.concat("Drift scan: ", model.nextRunTextProperty()));
        return card("Since last scan", figures, caption, next);
    }

    /** The worst risks the last scan's drift introduced, above everything but the headline figures. */
    private static VBox highestRiskCard(OverviewViewModel model, Runnable openFindings) {
        VBox lines = new VBox(4);
        lines.setId("overview-highest-risk");
        Runnable render = () -> lines.getChildren().setAll(model.highestRisk().isEmpty()
                ? java.util.List.of(muted(model.highestRiskPlaceholderProperty().get()))
                : model.highestRisk().stream().map(line -> {
                    Label label = new Label(line, new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.SHIELD_OFF));
                    label.setWrapText(true);
                    label.getStyleClass().add("overview-risk");
                    label.setMinHeight(Region.USE_PREF_SIZE);
                    return (Node) label;
                }).toList());
        model.highestRisk().addListener((javafx.collections.ListChangeListener<String>) c -> render.run());
        model.highestRiskPlaceholderProperty().addListener((obs, old, now) -> render.run());
        render.run();
        Button open = new Button("Open findings (most severe first)");
        open.setId("overview-open-risks");
        open.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        open.setOnAction(e -> openFindings.run());
        return card("Highest risk", lines, open);
    }

    private static VBox labelled(Label figure, String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(0, figure, label);
    }

    private static VBox findingsCard(String title, String id, ObservableList<Finding> findings, String empty, Runnable open) {
        ListView<Finding> list = new ListView<>(findings);
        list.setId(id);
        list.setPrefHeight(200);
        list.setFixedCellSize(26);
        list.setPlaceholder(muted(empty));
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean isEmpty) {
                super.updateItem(f, isEmpty);
                setText(isEmpty || f == null ? null
                        : StatusText.label(f.status()) + " · " + (f.address() != null ? f.address() : f.type() + " " + f.id()));
            }
        });
        VBox card = card(title, list);
        if (open != null) {
            Button all = new Button("Open findings");
            all.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            all.setOnAction(e -> open.run());
            card.getChildren().add(all);
        }
        return card;
    }

    /** Alerts wrap in full (the IAM action is at the end of the line, where a list cell would cut it). */
    private static VBox alertsCard(ObservableList<String> alerts, javafx.beans.value.ObservableStringValue placeholder) {
        VBox lines = new VBox(6);
        lines.setId("overview-alerts");
        lines.setPadding(new Insets(2, 8, 2, 2));
        Runnable render = () -> lines.getChildren().setAll(alerts.isEmpty()
                ? java.util.List.of(muted(placeholder.get()))
                : alerts.stream().map(line -> {
                    Label label = new Label(line, new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.ALERT_TRIANGLE));
                    label.setWrapText(true);
                    label.getStyleClass().add("overview-alert");
                    label.setMinHeight(Region.USE_PREF_SIZE);
                    return (Node) label;
                }).toList());
        alerts.addListener((javafx.collections.ListChangeListener<String>) c -> render.run());
        placeholder.addListener((obs, old, now) -> render.run());
        render.run();
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(200);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        return card("Alerts of the last scan", scroll);
    }

    private static VBox breakdownCard(String title, String id, ObservableList<CoverageRow> rows) {
        VBox lines = new VBox(8);
        lines.setId(id);
        Runnable render = () -> lines.getChildren().setAll(rows.isEmpty()
                ? java.util.List.of(muted("—"))
                : rows.stream().map(OverviewView::breakdownLine).toList());
        rows.addListener((javafx.collections.ListChangeListener<CoverageRow>) c -> render.run());
        render.run();
        return card(title, lines);
    }

    private static Node breakdownLine(CoverageRow row) {
        Label name = new Label(row.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(0);
        Label figure = new Label(row.figure());
        figure.getStyleClass().add(row.problem() ? "breakdown-problem" : "breakdown-ok");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, name, spacer, figure);
        ProgressBar bar = new ProgressBar(row.percent() / 100);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().addAll(Styles.SMALL, row.problem() ? Styles.WARNING : Styles.SUCCESS);
        Label detail = muted(row.detail());
        detail.setWrapText(true);
        return new VBox(2, top, bar, detail);
    }

    private static VBox card(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().addAll(Styles.TITLE_4, "card-title");
        VBox card = new VBox(8, heading);
        card.getChildren().addAll(content);
        card.getStyleClass().add("overview-card");
        card.setPadding(new Insets(12, 14, 12, 14));
        card.setMinWidth(0);
        return card;
    }

    private static Label caption(javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
