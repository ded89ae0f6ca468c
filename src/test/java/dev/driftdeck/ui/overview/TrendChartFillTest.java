package dev.driftdeck.ui.overview;

import javafx.scene.chart.XYChart;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A new scan moves the trend's points in place: the chart shows the new history and keeps its point objects. */
class TrendChartFillTest {

    private static TrendPoint scan(int minute, long changed) {
        return new TrendPoint(Instant.parse("2026-11-28T09:00:00Z").plusSeconds(60L * minute), changed, 0, 0, 100, Map.of());
    }

    private static List<Tuple> shown(XYChart.Series<Number, Number> series) {
        return series.getData().stream().map(d -> tuple(d.getXValue().longValue(), d.getYValue().doubleValue())).toList();
    }

    @Test
    void aShiftedHistoryReusesThePointsAndShowsTheNewValues() {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        TrendChart.fill(series, List.of(scan(0, 5), scan(1, 6), scan(2, 7)), TrendPoint::changed);
        List<XYChart.Data<Number, Number>> before = List.copyOf(series.getData());

        TrendChart.fill(series, List.of(scan(1, 6), scan(2, 7), scan(3, 2)), TrendPoint::changed);

        assertThat(shown(series)).containsExactly(
                tuple(scan(1, 0).at().getEpochSecond(), 6.0),
                tuple(scan(2, 0).at().getEpochSecond(), 7.0),
                tuple(scan(3, 0).at().getEpochSecond(), 2.0));
        assertThat(series.getData()).containsExactlyElementsOf(before);
    }

    @Test
    void aLongerOrShorterHistoryAddsOrDropsPoints() {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        TrendChart.fill(series, List.of(scan(0, 1)), TrendPoint::changed);

        TrendChart.fill(series, List.of(scan(0, 1), scan(1, 3), scan(2, 4)), TrendPoint::changed);
        assertThat(shown(series)).extracting(t -> t.toList().get(1)).containsExactly(1.0, 3.0, 4.0);

        TrendChart.fill(series, List.of(scan(2, 4)), TrendPoint::changed);
        assertThat(shown(series)).containsExactly(tuple(scan(2, 0).at().getEpochSecond(), 4.0));

        TrendChart.fill(series, List.of(), TrendPoint::changed);
        assertThat(series.getData()).isEmpty();
    }
}
