package dev.driftdeck.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks up who changed each drifted resource: its write events since it was last seen in sync (at most CloudTrail's
 * 90 days), newest first. One instance lives as long as the scan service, so its cache spans scans: a resource looked
 * up before is asked again only for the events after what was already settled (older than the delivery delay), and
 * a drift with nothing found while it is newer than the delay is PENDING and looked up again on the next scan.
 * Event history costs one rate-limited call per resource (2 per second per account and region), so each scan looks up
 * at most {@link #LOOKUPS_PER_REGION} resources per account and region; the rest wait for a later scan.
 */
public final class Attributor {

    /** CloudTrail delivers events "within an average of about 5 minutes", not guaranteed: 15 minutes of margin. */
    public static final Duration DELIVERY_DELAY = Duration.ofMinutes(15);
    /** Event history keeps 90 days. */
    public static final Duration MAX_WINDOW = Duration.ofDays(90);
    /** 200 lookups at 2 per second: under two minutes per account and region. */
    public static final int LOOKUPS_PER_REGION = 200;

    private final Clock clock;
    private final Map<CacheKey, Cached> cache = new ConcurrentHashMap<>();

    public Attributor(Clock clock) {
        this.clock = clock;
    }

    /** Attributes {@code targets} of one account from {@code source}; never throws for a source's refusal. */
    public Attribution attribute(List<AttributionTarget> targets, TrailSource source) {
        Map<String, AccessProblem> failedRegions = new LinkedHashMap<>();
        Map<String, Integer> lookups = new HashMap<>();
        List<ChangedBy> results = new ArrayList<>(targets.size());
        for (AttributionTarget target : targets) {
            Optional<LookupName> name = CloudTrailNames.of(target.type(), target.id(), target.account(), target.region());
            if (name.isEmpty()) {
                results.add(ChangedBy.of(AttributionStatus.NOT_SUPPORTED, "Driftdeck does not know the name CloudTrail "
                        + "records " + target.type() + " by (types attributed: see docs/DECISIONS.md, \"Who changed it\")"));
                continue;
            }
            String region = name.get().region();
            AccessProblem failed = failedRegions.get(region);
            if (failed != null) {
                results.add(ChangedBy.of(AttributionStatus.FAILED, failed.message()));
                continue;
            }
            if (source.callPerLookup() && lookups.merge(region, 1, Integer::sum) > LOOKUPS_PER_REGION) {
                results.add(ChangedBy.of(AttributionStatus.NOT_LOOKED_UP, "over this scan's " + LOOKUPS_PER_REGION
                        + " CloudTrail lookups in " + target.account() + "/" + region + "; looked up on a later scan"));
                continue;
            }
            try {
                results.add(lookUp(target, name.get(), source));
            } catch (TrailAccessException refused) {
                AccessProblem problem = new AccessProblem(target.account(), region, refused.getMessage(),
                        refused.iamAction());
                failedRegions.put(region, problem);
                results.add(ChangedBy.of(AttributionStatus.FAILED, problem.message()));
            }
        }
        return new Attribution(results, List.copyOf(failedRegions.values()));
    }

    private ChangedBy lookUp(AttributionTarget target, LookupName name, TrailSource source) {
        Instant now = clock.instant();
        Instant oldest = now.minus(MAX_WINDOW);
        Instant from = target.lastInSync() == null || target.lastInSync().isBefore(oldest) ? oldest : target.lastInSync();
        List<ChangeEvent> events = events(new CacheKey(source.describe(), target.account(), name), from, now, source);
        if (!events.isEmpty()) {
            return ChangedBy.found(events);
        }
        if (target.driftedSince() != null && target.driftedSince().isAfter(now.minus(DELIVERY_DELAY))) {
            return ChangedBy.of(AttributionStatus.PENDING, null);
        }
        return ChangedBy.of(AttributionStatus.NONE, target.lastInSync() == null
                ? "in the last 90 days (" + source.describe() + ")"
                : "since it was last seen in sync at " + from + " (" + source.describe() + ")");
    }

    /** The write events in {@code [from, now]}, asking the source only for what the cache has not settled. */
    private List<ChangeEvent> events(CacheKey key, Instant from, Instant now, TrailSource source) {
        Cached cached = cache.get(key);
        boolean reuse = cached != null && !cached.from().isAfter(from);
        Instant askFrom = reuse && cached.settledUntil().isAfter(from) ? cached.settledUntil() : from;
        List<ChangeEvent> merged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (reuse) {
            cached.events().stream().filter(event -> !event.time().isBefore(from)).forEach(merged::add);
            merged.forEach(event -> seen.add(event.eventId()));
        }
        for (JsonNode record : source.records(key.account(), key.name().region(), key.name().resourceName(), askFrom, now)) {
            TrailRecords.writeEvent(record)
                    .filter(event -> !event.time().isBefore(from) && !event.time().isAfter(now))
                    .filter(event -> event.eventId() == null || seen.add(event.eventId()))
                    .ifPresent(merged::add);
        }
        List<ChangeEvent> events = List.copyOf(merged);
        Instant settled = now.minus(DELIVERY_DELAY);
        cache.put(key, new Cached(reuse ? cached.from() : from, settled.isBefore(from) ? from : settled, events));
        return events;
    }

    private record CacheKey(String source, String account, LookupName name) {
    }

    private record Cached(Instant from, Instant settledUntil, List<ChangeEvent> events) {
    }
}
