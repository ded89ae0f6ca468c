package dev.driftdeck.scan;

import dev.driftdeck.attribution.AccessProblem;
import dev.driftdeck.attribution.Attribution;
import dev.driftdeck.attribution.AttributionTarget;
import dev.driftdeck.attribution.Attributor;
import dev.driftdeck.attribution.TrailSource;
import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.CloudTrailLookup;
import dev.driftdeck.aws.TrailLogBucket;
import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.PriorFinding;
import dev.driftdeck.drift.ResourceKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scan's "who changed it" step: each CHANGED, MISSING and UNMANAGED finding, worst first (the lookup budget goes
 * to what matters most), attributed from its account's trail source, with the calls it made added to the scan's API
 * call count and each refused source an alert. The alert names the account (and the region in its words) but not as
 * a listing failure: the scan is complete without attribution.
 */
final class ChangeAttribution {

    private final Attributor attributor;

    ChangeAttribution(Clock clock) {
        this.attributor = new Attributor(clock);
    }

    /**
     * @param sessions   the scan's open session per listed account
     * @param cloudTrail the trail's {@code s3://bucket/prefix/}, or null for CloudTrail Event history
     * @param history    what the newest stored scan said about each resource (empty when there is none: the CLI
     *                   without a database, a first scan)
     * @param scanStart  when this scan started: a drift not in {@code history} started in it
     */
    List<Finding> attribute(List<Finding> findings, Map<String, AwsSession> sessions, String cloudTrail,
                            Map<ResourceKey, PriorFinding> history, Instant scanStart, List<Alert> alerts,
                            Map<String, Long> apiCalls) {
        Map<String, List<Integer>> driftByAccount = new LinkedHashMap<>();
        String onlyAccount = sessions.size() == 1 ? sessions.keySet().iterator().next() : null;
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            String account = finding.account() != null ? finding.account() : onlyAccount;
            if (FindingAge.isDrift(finding.status()) && account != null && sessions.containsKey(account)) {
                driftByAccount.computeIfAbsent(account, a -> new ArrayList<>()).add(i);
            }
        }
        List<Finding> attributed = new ArrayList<>(findings);
        driftByAccount.forEach((account, indexes) -> {
            indexes.sort(Comparator.comparing((Integer i) -> findings.get(i).severity(),
                    Comparator.nullsLast(Comparator.naturalOrder())));
            List<AttributionTarget> targets = indexes.stream().map(i -> target(findings.get(i), account, history, scanStart)).toList();
            AwsSession session = sessions.get(account);
            Map<String, Long> before = session.counter().callsPerService();
            TrailSource source = cloudTrail == null ? new CloudTrailLookup(session) : TrailLogBucket.of(session, cloudTrail);
            Attribution result = attributor.attribute(targets, source);
            session.counter().callsPerService().forEach((service, calls) ->
                    apiCalls.merge(service, calls - before.getOrDefault(service, 0L), Long::sum));
            for (int j = 0; j < indexes.size(); j++) {
                int i = indexes.get(j);
                attributed.set(i, findings.get(i).withChangedBy(result.changedBy().get(j)));
            }
            for (AccessProblem problem : result.problems()) {
                alerts.add(new Alert(null, problem.account(), null, problem.message(), problem.iamAction()));
            }
        });
        apiCalls.values().removeIf(calls -> calls == 0);
        return attributed;
    }

    /**
     * The window of one drift: after the last scan that saw the resource in sync. The same drift as in the newest
     * stored scan keeps its start; a new one (in sync before, or another status) started after that scan. Without
     * stored history both ends are unknown; a resource the stored history lacks is new drift of unknown start.
     */
    static AttributionTarget target(Finding finding, String account, Map<ResourceKey, PriorFinding> history,
                                    Instant scanStart) {
        PriorFinding prior = history.get(finding.key());
        Instant lastInSync;
        Instant driftedSince;
        if (history.isEmpty()) {
            lastInSync = null;
            driftedSince = null;
        } else if (prior == null) {
            lastInSync = null;
            driftedSince = scanStart;
        } else if (prior.status() == finding.status() && prior.driftedSince() != null) {
            lastInSync = prior.lastScanInSync();
            driftedSince = prior.driftedSince();
        } else {
            lastInSync = prior.scanStart();
            driftedSince = scanStart;
        }
        return new AttributionTarget(finding.type(), finding.id(), account, finding.region(), lastInSync, driftedSince);
    }
}
