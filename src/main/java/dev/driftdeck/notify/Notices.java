package dev.driftdeck.notify;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The words of each rule's notification. */
public final class Notices {

    private Notices() {
    }

    public static Notice newDrift(List<DriftItem> items, Instant at) {
        Severity worst = worst(items);
        int n = items.size();
        return new Notice(Rule.NEW_DRIFT, n + (n == 1 ? " new drift" : " new drifts")
                + (worst == null ? "" : ", worst " + worst.label()), "Changed outside Terraform since the last"
                + " announcement.", worst, items, at);
    }

    public static Notice resolved(List<DriftItem> items, Instant at) {
        int n = items.size();
        return new Notice(Rule.RESOLVED, n + (n == 1 ? " drift resolved" : " drifts resolved"),
                "AWS matches the Terraform state again for " + (n == 1 ? "this resource." : "these resources."),
                null, items, at);
    }

    public static Notice jobFailed(String job, String error, Instant at) {
        String firstLine = error == null ? "no reason recorded" : error.lines().findFirst().orElse(error);
        return new Notice(Rule.JOB_FAILED, "Driftdeck job " + job + " failed", firstLine
                + ". It retries with backoff; the Scheduler page has the full error.", null, List.of(), at);
    }

    public static Notice stale(Instant lastScan, int hours, Instant at) {
        return new Notice(Rule.STALE, "No successful drift scan for " + hours + " hours",
                "The last scan that checked AWS finished at " + lastScan + ". Check the Scheduler page for the failing"
                        + " job, the AWS credentials and the state sources.", null, List.of(), at);
    }

    public static Notice digest(String period, List<DriftItem> items, Instant scannedAt, Instant at) {
        Severity worst = worst(items);
        int n = items.size();
        String title = period + " drift digest: " + (n == 0 ? "in sync" : n + (n == 1 ? " drifted resource" : " drifted resources")
                + (worst == null ? "" : ", worst " + worst.label()));
        // How many of each, before the table: the reader decides from this line whether to read on.
        String counts = n == 0 ? "" : counts(items) + ". ";
        return new Notice(Rule.DIGEST, title, counts + "As of the scan at " + scannedAt + ".", worst, items, at);
    }

    /** "1 Critical, 1 High, 2 Low; 2 changed, 1 missing, 1 unmanaged": by severity, worst first, then by status. */
    private static String counts(List<DriftItem> items) {
        Map<Severity, Long> bySeverity = items.stream().filter(item -> item.severity() != null)
                .collect(Collectors.groupingBy(DriftItem::severity, () -> new EnumMap<>(Severity.class),
                        Collectors.counting()));
        Map<FindingStatus, Long> byStatus = items.stream()
                .collect(Collectors.groupingBy(DriftItem::status, () -> new EnumMap<>(FindingStatus.class),
                        Collectors.counting()));
        String severities = bySeverity.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        String statuses = byStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return severities.isEmpty() ? statuses : severities + "; " + statuses;
    }

    public static Notice test(String channel, Instant at) {
        return new Notice(Rule.TEST, "Driftdeck test message", "Driftdeck can post to " + channel + ".", null,
                List.of(), at);
    }

    /** {@code scan --notify}: the CLI scan's drift, all of it, worst first. */
    public static Notice scan(List<Finding> drift, Instant at) {
        List<DriftItem> items = drift.stream().map(DriftItem::of).sorted(bySeverity()).toList();
        Severity worst = worst(items);
        int n = items.size();
        String title = n == 0 ? "Drift scan: in sync" : "Drift scan: " + n + (n == 1 ? " drifted resource" : " drifted resources")
                + (worst == null ? "" : ", worst " + worst.label());
        return new Notice(Rule.SCAN, title, n == 0 ? "AWS matches the Terraform state." : "Found by driftdeck scan.",
                worst, items, at);
    }

    static Comparator<DriftItem> bySeverity() {
        return Comparator.comparing((DriftItem i) -> i.severity() == null ? Severity.INFO : i.severity())
                .thenComparing(DriftItem::resource);
    }

    private static Severity worst(List<DriftItem> items) {
        return items.stream().map(DriftItem::severity).filter(Objects::nonNull).reduce(Severity::max).orElse(null);
    }
}
