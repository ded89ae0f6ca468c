package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.SampleScans;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters, pickers and sorting stay correct on a 100,000-finding table. Its speed is {@link FilterBenchmark}'s
 * business (docs/BENCHMARKS.md), not a test's. The expected counts are counted here from the scan itself.
 */
class FindingsAtScaleTest {

    private final ScanReport scan = SampleScans.many(100_000);
    private final FindingsViewModel model = new FindingsViewModel();

    @Test
    void filtersAndSortsOneHundredThousandFindings() {
        model.show(scan, FindingsViewModel.prepare(scan));
        // Warm up the JIT the way a few keystrokes would.
        for (String warm : List.of("res-1", "res-2", "", "svc3", "")) {
            model.searchTextProperty().set(warm);
        }

        model.searchTextProperty().set("res-0999");
        assertThat(model.rows()).hasSize(10).allSatisfy(f -> assertThat(f.id()).startsWith("res-0999"));
        model.searchTextProperty().set("no-such-resource");
        assertThat(model.rows()).isEmpty();
        model.searchTextProperty().set("");
        model.statusFilterProperty().set(FindingStatus.UNMANAGED);
        assertThat(model.visibleCount()).isEqualTo(count(FindingStatus.UNMANAGED, null)).isEqualTo(11_112 + 2);
        model.pickers().type().set("aws_subnet");
        assertThat(model.rows()).hasSize(count(FindingStatus.UNMANAGED, "aws_subnet"))
                .allSatisfy(f -> assertThat(f.type()).isEqualTo("aws_subnet"));
        model.clearFilters();
        assertThat(model.rows()).hasSize(100_010);

        model.sortBy(List.of(new FindingColumn.SortKey(FindingColumn.RESOURCE, false)));

        // Descending by what the Resource column shows (address, else id), case-insensitively: "sg-0ff1ce" and then
        // the unmanaged "res-…" ids sort above every "module.…" and "aws_…" address; "alias/aws/ebs" comes last.
        Comparator<Finding> resourceDescending = Comparator.comparing(FindingsView::resourceText,
                String.CASE_INSENSITIVE_ORDER).reversed();
        assertThat(model.rows()).hasSize(100_010);
        assertInOrder(model.rows(), resourceDescending);
        assertThat(model.rows().subList(0, 2)).extracting(Finding::id).containsExactly("sg-0ff1ce", "res-99999");
        assertThat(model.rows().getLast().id()).isEqualTo("alias/aws/ebs");
    }

    /** Names the first pair out of order (AssertJ's isSortedAccordingTo would print all 100,000 rows). */
    private static void assertInOrder(List<Finding> rows, Comparator<Finding> order) {
        int firstOutOfOrder = IntStream.range(1, rows.size())
                .filter(i -> order.compare(rows.get(i - 1), rows.get(i)) > 0)
                .findFirst().orElse(-1);
        assertThat(firstOutOfOrder)
                .as(() -> "row " + firstOutOfOrder + " (" + FindingsView.resourceText(rows.get(firstOutOfOrder))
                        + ") should come before row " + (firstOutOfOrder - 1) + " ("
                        + FindingsView.resourceText(rows.get(firstOutOfOrder - 1)) + ")")
                .isEqualTo(-1);
    }

    private int count(FindingStatus status, String type) {
        return (int) scan.findings().stream()
                .filter(f -> f.status() == status && (type == null || type.equals(f.type())))
                .count();
    }
}
