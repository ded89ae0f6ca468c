package dev.driftdeck.ui.overview;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Line charts over the scan history: x is the scan's start time (dates on the axis), y a count or a percent. */
final class TrendChart {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private TrendChart() {
    }

    /** Changed, missing and unmanaged per scan. */
    static LineChart<Number, Number> drift(ObservableList<TrendPoint> points) {
        LineChart<Number, Number> chart = chart("Drift per scan", "findings");
        chart.setId("trend-drift");
        XYChart.Series<Number, Number> changed = series("Changed");
        XYChart.Series<Number, Number> missing = series("Missing");
        XYChart.Series<Number, Number> unmanaged = series("Unmanaged");
        chart.getData().setAll(java.util.List.of(changed, missing, unmanaged));
        Runnable fill = () -> {
            fill(changed, points, TrendPoint::changed);
            fill(missing, points, TrendPoint::missing);
            fill(unmanaged, points, TrendPoint::unmanaged);
        };
        points.addListener((ListChangeListener<TrendPoint>) c -> fill.run());
        fill.run();
        return chart;
    }

    /** Coverage percent per scan, on a fixed 0..100 axis so small moves do not look dramatic. */
    static LineChart<Number, Number> coverage(ObservableList<TrendPoint> points) {
        LineChart<Number, Number> chart = chart("Coverage", "%");
        chart.setId("trend-coverage");
        NumberAxis y = (NumberAxis) chart.getYAxis();
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(100);
        y.setTickUnit(25);
        XYChart.Series<Number, Number> coverage = series("Coverage %");
        chart.getData().setAll(java.util.List.of(coverage));
        chart.setLegendVisible(false);
        points.addListener((ListChangeListener<TrendPoint>) c -> fill(coverage, points, TrendPoint::coveragePercent));
        fill(coverage, points, TrendPoint::coveragePercent);
        return chart;
    }

    private static LineChart<Number, Number> chart(String title, String yLabel) {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSecond) {
                return DAY_TIME.format(Instant.ofEpochSecond(epochSecond.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
        x.setMinorTickVisible(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(240);
        chart.setMinHeight(200);
        chart.getStyleClass().add("trend-chart");
        return chart;
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }

    private static void fill(XYChart.Series<Number, Number> series, ObservableList<TrendPoint> points,
                             ToDoubleFunction<TrendPoint> value) {
        series.getData().setAll(points.stream()
                .map(p -> new XYChart.Data<Number, Number>(p.at().getEpochSecond(), value.applyAsDouble(p)))
                .toList());
    }
}
