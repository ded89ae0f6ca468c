package dev.driftdeck.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One state source's share of a scan. Unmanaged resources belong to no source, so a source's coverage is
 * {@code managed / (managed + missing)}; the scan's overall figure stays {@link Coverage}.
 *
 * @param source     the source as the scan read it (uri, serial, lineage, count, error)
 * @param managed    its resources found live (in sync or changed)
 * @param changed    of those, the changed ones
 * @param missing    its resources gone from AWS
 * @param notChecked its resources that could not be checked
 * @param ignored    its resources ignored by a rule
 */
public record SourceCoverage(SourceSummary source, int managed, int changed, int missing, int notChecked, int ignored) {

    /**
     * Truncated integer percent; empty when nothing of the source was checked (it could not be read, or every
     * resource it holds was NOT_CHECKED), because a figure there would read as "all in place". 100 when it holds
     * nothing to check (no resources, or all ignored), as {@link Coverage} says of an empty scan.
     */
    public OptionalInt percent() {
        if (source.error() != null || (managed + missing == 0 && notChecked > 0)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(managed + missing == 0 ? 100 : managed * 100 / (managed + missing));
    }

    /** One entry per source of {@code report}, in its order, from one pass over the findings. */
    public static List<SourceCoverage> of(ScanReport report) {
        Map<String, int[]> counts = new HashMap<>();
        for (Finding finding : report.findings()) {
            if (finding.source() == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(finding.source(), s -> new int[5]);
            switch (finding.status()) {
                case IN_SYNC -> c[0]++;
                case CHANGED -> {
                    c[0]++;
                    c[1]++;
                }
                case MISSING -> c[2]++;
                case NOT_CHECKED -> c[3]++;
                case IGNORED -> c[4]++;
                case UNMANAGED -> { }
            }
        }
        return report.sources().stream().map(source -> {
            int[] c = counts.getOrDefault(source.uri(), new int[5]);
            return new SourceCoverage(source, c[0], c[1], c[2], c[3], c[4]);
        }).toList();
    }
}
