package dev.driftdeck.ui.overview;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trend's time axis ticks on whole minutes, hours or days around the scans: no two labels read the same. */
class TrendChartTimeAxisTest {

    private static TrendPoint at(String instant) {
        return new TrendPoint(Instant.parse(instant), 0, 0, 0, 100, Map.of());
    }

    @Test
    void scansMinutesApartTickOnWholeMinutes() {
        long[] range = TrendChart.timeRange(List.of(at("2026-11-28T09:11:20Z"), at("2026-11-28T09:14:40Z")), ZoneOffset.UTC);

        assertThat(range).containsExactly(Instant.parse("2026-11-28T09:11:00Z").getEpochSecond(),
                Instant.parse("2026-11-28T09:15:00Z").getEpochSecond(), 60);
    }

    @Test
    void aWeekOfScansTicksInDaysOnLocalMidnight() {
        long[] range = TrendChart.timeRange(List.of(at("2026-11-21T03:30:00Z"), at("2026-11-28T03:30:00Z")), ZoneOffset.ofHours(1));

        assertThat(range[2]).isEqualTo(172_800);
        assertThat((range[0] + 3600) % 86_400).isZero();
        assertThat((range[1] - range[0]) / range[2]).isLessThanOrEqualTo(6);
    }

    @Test
    void aSingleScanStillGetsARange() {
        long[] range = TrendChart.timeRange(List.of(at("2026-11-28T09:11:20Z")), ZoneOffset.UTC);

        assertThat(range[1]).isGreaterThan(range[0]);
    }
}
