package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.SampleScans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters, pickers and sorting stay correct on a 100,000-finding table. Its speed is {@link FilterBenchmark}'s
 * business (docs/BENCHMARKS.md), not a test's.
 */
class FindingsAtScaleTest {

    @Test
    void filtersAndSortsOneHundredThousandFindings() {
        ScanReport scan = SampleScans.many(100_000);
        FindingsViewModel model = new FindingsViewModel();
        model.show(scan, FindingsViewModel.prepare(scan));
        // Warm up the JIT the way a few keystrokes would.
        for (String warm : List.of("res-1", "res-2", "", "svc3", "")) {
            model.searchTextProperty().set(warm);
        }

        model.searchTextProperty().set("res-0999");
        int textHits = model.visibleCount();
        model.searchTextProperty().set("no-such-resource");
        model.searchTextProperty().set("");
        model.statusFilterProperty().set(FindingStatus.UNMANAGED);
        int unmanaged = model.visibleCount();
        model.pickers().type().set("aws_subnet");
        model.clearFilters();
        model.sortBy(List.of(new FindingColumn.SortKey(FindingColumn.RESOURCE, false)));

        assertThat(textHits).isEqualTo(10);
        assertThat(unmanaged).isEqualTo(11_112 + 2);
        assertThat(model.rows()).hasSize(100_010);
    }
}
