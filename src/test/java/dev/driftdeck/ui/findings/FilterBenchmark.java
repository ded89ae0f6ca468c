package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.SampleScans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Filters a 100,000-finding table through the real {@link FindingsViewModel} (the rows list the table shows) and prints the median and p95 time of one filter change: a status chip and a search text.
 * A benchmark, not a test: run it by hand (see docs/BENCHMARKS.md).
 */
public final class FilterBenchmark {

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        ScanReport report = SampleScans.many(size - SampleScans.small().findings().size());
        FindingsViewModel model = new FindingsViewModel();
        model.show(report, FindingsViewModel.prepare(report));
        // Sorting happens on a worker when a column is clicked (FindingsViewModel.sortBy), not on filter changes.

        String[] texts = {"res-0", "aws_subnet", "module.svc3", "i-0abc", "", "res-99", "this[4"};
        FindingStatus[] statuses = {null, FindingStatus.CHANGED, FindingStatus.UNMANAGED, FindingStatus.IN_SYNC};
        List<Double> millis = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < 400; i++) {
            FindingStatus status = statuses[i % statuses.length];
            String text = texts[i % texts.length];
            long started = System.nanoTime();
            model.statusFilterProperty().set(status);
            model.searchTextProperty().set(text);
            shown = model.rows().size();
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (i >= 100) { // the first 100 warm the JIT up
                millis.add(elapsed);
            }
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%,d findings: status+text filter change median %.1f ms, p95 %.1f ms, max %.1f ms "
                        + "(%d samples, last showed %,d rows)%n", report.findings().size(), millis.get(millis.size() / 2),
                millis.get((int) (millis.size() * 0.95)), millis.getLast(), millis.size(), shown);
    }
}
