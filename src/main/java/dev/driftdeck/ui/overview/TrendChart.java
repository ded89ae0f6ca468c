package dev.driftdeck.ui.overview;

import dev.driftdeck.risk.Severity;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Line charts over the scan history: x is the scan's start time (dates on the axis), y a count or a percent. */
final class TrendChart {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private TrendChart() {
    }

    /**
     * Changed, missing and unmanaged per scan; with a severity floor, one line per severity from Critical down to
     * the floor instead (the drift an operator filtered for, and how it splits).
     */
    static LineChart<Number, Number> drift(ObservableList<TrendPoint> points, ObservableValue<Severity> floor) {
        LineChart<Number, Number> chart = chart("Drift per scan", "findings");
        chart.setId("trend-drift");
        XYChart.Series<Number, Number> changed = series("Changed");
        XYChart.Series<Number, Number> missing = series("Missing");
        XYChart.Series<Number, Number> unmanaged = series("Unmanaged");
        Map<Severity, XYChart.Series<Number, Number>> bySeverity = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, series(severity.label()));
        }
        Runnable fill = () -> {
            fitTimeAxis((NumberAxis) chart.getXAxis(), points);
            Severity atLeast = floor.getValue();
            // Critical first, so the n-th line always gets the n-th severity colour (console.css, by-severity).
            chart.getStyleClass().remove("by-severity");
            if (atLeast == null) {
                setSeries(chart, List.of(changed, missing, unmanaged));
                fill(changed, points, TrendPoint::changed);
                fill(missing, points, TrendPoint::missing);
                fill(unmanaged, points, TrendPoint::unmanaged);
                return;
            }
            List<XYChart.Series<Number, Number>> shown = new ArrayList<>();
            for (Severity severity : Severity.values()) {
                if (severity.atLeast(atLeast)) {
                    shown.add(bySeverity.get(severity));
                    fill(bySeverity.get(severity), points, p -> p.drift(severity));
                }
            }
            chart.getStyleClass().add("by-severity");
            setSeries(chart, shown);
        };
        points.addListener((ListChangeListener<TrendPoint>) c -> fill.run());
        floor.addListener((observable, before, after) -> fill.run());
        fill.run();
        return chart;
    }

    /** Swaps the chart's lines only when the choice of lines changed, so a new scan keeps the existing nodes. */
    private static void setSeries(LineChart<Number, Number> chart, List<XYChart.Series<Number, Number>> series) {
        if (!chart.getData().equals(series)) {
            chart.getData().setAll(series);
        }
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
        chart.getData().setAll(List.of(coverage));
        chart.setLegendVisible(false);
        Runnable fill = () -> {
            fitTimeAxis((NumberAxis) chart.getXAxis(), points);
            fill(coverage, points, TrendPoint::coveragePercent);
        };
        points.addListener((ListChangeListener<TrendPoint>) c -> fill.run());
        fill.run();
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
        // Counts and whole percents: a small range ticks at 0.5 steps, and "1.5 findings" means nothing.
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return v == Math.rint(v) ? String.valueOf((long) v) : "";
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
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

    /** Steps a time axis may tick by, in seconds: whole minutes up to weeks, so no two ticks read the same. */
    private static final long[] STEPS = {60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
            172_800, 604_800, 1_209_600, 2_592_000};

    /**
     * Fixed bounds from the first to the last scan with about five ticks on whole minutes (or hours, days): the
     * automatic range ticks every few seconds for scans minutes apart, and the labels then repeat.
     */
    static void fitTimeAxis(NumberAxis axis, List<TrendPoint> points) {
        long[] range = timeRange(points, ZoneId.systemDefault());
        axis.setAutoRanging(false);
        axis.setLowerBound(range[0]);
        axis.setUpperBound(range[1]);
        axis.setTickUnit(range[2]);
    }

    /** {lower, upper, tick} in epoch seconds. Pure, for tests. */
    static long[] timeRange(List<TrendPoint> points, ZoneId zone) {
        if (points.isEmpty()) {
            long now = Instant.now().getEpochSecond();
            return new long[]{now - 3600, now, 900};
        }
        long first = points.getFirst().at().getEpochSecond();
        long last = points.getLast().at().getEpochSecond();
        long span = Math.max(60, last - first);
        long step = STEPS[STEPS.length - 1];
        for (long candidate : STEPS) {
            if (span / candidate <= 5) {
                step = candidate;
                break;
            }
        }
        // Outer bounds on whole steps (in the local zone for days), so ticks land on round times around the points.
        long offset = zone.getRules().getOffset(Instant.ofEpochSecond(first)).getTotalSeconds();
        long lower = Math.floorDiv(first + offset, step) * step - offset;
        long upper = -Math.floorDiv(-(last + offset), step) * step - offset;
        if (upper == lower) {
            upper = lower + step;
        }
        return new long[]{lower, upper, step};
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }

    /**
     * Moves the series to the points, reusing its data objects: a new scan shifts the history by one, and replacing
     * every point made a new symbol node (and its CSS) per point on the FX thread (issue 8, pulse latency).
     */
    static void fill(XYChart.Series<Number, Number> series, List<TrendPoint> points,
                     ToDoubleFunction<TrendPoint> value) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (data.size() > points.size()) {
            data.remove(points.size(), data.size());
        }
        for (int i = 0; i < data.size(); i++) {
            XYChart.Data<Number, Number> point = data.get(i);
            long x = points.get(i).at().getEpochSecond();
            double y = value.applyAsDouble(points.get(i));
            if (point.getXValue().longValue() != x) {
                point.setXValue(x);
            }
            if (point.getYValue().doubleValue() != y) {
                point.setYValue(y);
            }
        }
        if (data.size() < points.size()) {
            data.addAll(points.subList(data.size(), points.size()).stream()
                    .map(p -> new XYChart.Data<Number, Number>(p.at().getEpochSecond(), value.applyAsDouble(p)))
                    .toList());
        }
    }
}
