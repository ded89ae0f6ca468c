package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.SampleScans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark: filtering a 100,000-finding table. Prints the figures (the brief's targets are benchmarks,
 * not timed assertions); asserts only what the filters must show.
 */
class FindingsBenchmarkTest {

    @Test
    void filtersAndSortsOneHundredThousandFindings() {
        ScanReport scan = SampleScans.many(100_000);
        FindingsViewModel model = new FindingsViewModel();
        model.show(scan, FindingsViewModel.prepare(scan));
        // Warm up the JIT the way a few keystrokes would.
        for (String warm : List.of("res-1", "res-2", "", "svc3", "")) {
            model.searchTextProperty().set(warm);
        }

        long textNanos = time(() -> model.searchTextProperty().set("res-0999"));
        int textHits = model.visibleCount();
        long missNanos = time(() -> model.searchTextProperty().set("no-such-resource"));
        model.searchTextProperty().set("");
        long statusNanos = time(() -> model.statusFilterProperty().set(FindingStatus.UNMANAGED));
        int unmanaged = model.visibleCount();
        long pickerNanos = time(() -> model.pickers().type().set("aws_subnet"));
        model.clearFilters();
        long sortNanos = time(() -> model.sortBy(List.of(new FindingColumn.SortKey(FindingColumn.RESOURCE, false))));

        System.out.printf("100k findings: text filter %d ms (%d rows), text miss %d ms, status %d ms, picker %d ms, sort %d ms%n",
                textNanos / 1_000_000, textHits, missNanos / 1_000_000, statusNanos / 1_000_000, pickerNanos / 1_000_000,
                sortNanos / 1_000_000);
        assertThat(textHits).isEqualTo(10);
        assertThat(unmanaged).isEqualTo(11_112 + 2);
        assertThat(model.rows()).hasSize(100_010);
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }
}
