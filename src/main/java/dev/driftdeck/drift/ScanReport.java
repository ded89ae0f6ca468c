package dev.driftdeck.drift;

import dev.driftdeck.risk.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The complete, immutable result of one scan: what the CLI prints, the database stores and the console shows.
 *
 * @param startedAt  when the scan started
 * @param finishedAt when it finished
 * @param sources    every state source it read (or failed to read)
 * @param findings   one per resource
 * @param alerts     scan-level problems
 * @param apiCalls   AWS API calls per service
 * @param accounts   the AWS accounts scanned
 * @param regions    the regions scanned
 */
public record ScanReport(
        Instant startedAt,
        Instant finishedAt,
        List<SourceSummary> sources,
        List<Finding> findings,
        List<Alert> alerts,
        Map<String, Long> apiCalls,
        List<String> accounts,
        List<String> regions) {

    public ScanReport {
        sources = List.copyOf(sources);
        findings = List.copyOf(findings);
        alerts = List.copyOf(alerts);
        apiCalls = Map.copyOf(apiCalls);
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
    }

    public long count(FindingStatus status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    public Coverage coverage() {
        return new Coverage(
                count(FindingStatus.IN_SYNC) + count(FindingStatus.CHANGED),
                count(FindingStatus.UNMANAGED),
                count(FindingStatus.MISSING));
    }

    /** True when anything changed, went missing or is unmanaged: the CLI's exit code 1. */
    /** Drift of {@code floor} or worse: what {@code scan --fail-on} exits 1 for. */
    public boolean hasDriftAtLeast(Severity floor) {
        return findings.stream().anyMatch(f -> f.driftAtLeast(floor));
    }

    public boolean hasDrift() {
        return findings.stream().anyMatch(f -> switch (f.status()) {
            case CHANGED, MISSING, UNMANAGED -> true;
            case IN_SYNC, IGNORED, NOT_CHECKED -> false;
        });
    }

    /**
     * True when a state source could not be read or an AWS listing failed, so some resources could not be checked.
     * Listing failures are the alerts that name both an account and a region.
     */
    public boolean incomplete() {
        return sources.stream().anyMatch(source -> source.error() != null)
                || alerts.stream().anyMatch(alert -> alert.account() != null && alert.region() != null);
    }

    /**
     * The reason nothing was checked: when AWS listings were attempted and not one succeeded (no account was
     * listed), the first failed listing's message; empty when at least one listing succeeded or none was tried.
     */
    public Optional<String> nothingListedReason() {
        if (!accounts.isEmpty()) {
            return Optional.empty();
        }
        return alerts.stream().filter(alert -> alert.account() != null && alert.region() != null)
                .map(Alert::message).findFirst();
    }

    /**
     * The one sentence that says a scan checked nothing because no AWS listing succeeded: what the CLI prints before
     * exiting 2 and the scheduled scan records as its FAILED run's error. Empty when something was listed.
     */
    public Optional<String> nothingCheckedMessage() {
        return nothingListedReason().map(reason -> "No AWS listing succeeded (" + reason + "); nothing was checked.");
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
