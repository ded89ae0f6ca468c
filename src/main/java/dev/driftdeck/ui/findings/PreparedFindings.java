package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRuleText;
import dev.driftdeck.drift.ScanReport;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A scan's findings made ready for the console on a worker thread: sorted into the default order, with the
 * pickers' distinct values and the counts the empty states need. Every pass over 100,000 findings happens here, so
 * the FX thread only swaps lists when the scan arrives (issue 8: pulse gaps stay under 50 ms).
 */
public record PreparedFindings(List<Finding> rows, PickerOptions options, int unsettled, List<Finding> ignored) {

    public PreparedFindings {
        rows = List.copyOf(rows);
        ignored = List.copyOf(ignored);
    }

    /** Pure and slow for a big scan: call it off the FX thread. */
    public static PreparedFindings of(ScanReport report) {
        List<Finding> rows = report.findings().stream().sorted(FindingsViewModel.DEFAULT_ORDER).toList();
        int unsettled = 0;
        for (Finding finding : rows) {
            if (IgnoreRuleText.DRIFT.contains(finding.status()) || finding.status() == FindingStatus.NOT_CHECKED) {
                unsettled++;
            }
        }
        List<Finding> ignored = rows.stream().filter(f -> f.status() == FindingStatus.IGNORED).toList();
        return new PreparedFindings(rows, PickerOptions.of(rows), unsettled, ignored);
    }

    /** The distinct, sorted, non-blank types, accounts, regions and sources of a scan's findings. */
    public record PickerOptions(List<String> types, List<String> accounts, List<String> regions, List<String> sources) {

        public PickerOptions {
            types = List.copyOf(types);
            accounts = List.copyOf(accounts);
            regions = List.copyOf(regions);
            sources = List.copyOf(sources);
        }

        static PickerOptions of(List<Finding> findings) {
            return new PickerOptions(distinct(findings, Finding::type), distinct(findings, Finding::account),
                    distinct(findings, Finding::region), distinct(findings, Finding::source));
        }

        private static List<String> distinct(List<Finding> findings, Function<Finding, String> field) {
            TreeSet<String> values = new TreeSet<>();
            for (Finding finding : findings) {
                String value = field.apply(finding);
                if (value != null && !value.isBlank()) {
                    values.add(value);
                }
            }
            return List.copyOf(values);
        }
    }
}
