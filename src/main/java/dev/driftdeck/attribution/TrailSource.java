package dev.driftdeck.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Where CloudTrail records come from: Event history ({@code LookupEvents}) or a trail's log files in S3. Implemented
 * in {@code aws}; one per scanned account.
 */
public interface TrailSource {

    /** How the operator recognises this source in messages: "CloudTrail Event history", "trail logs in s3://...". */
    String describe();

    /** Whether every lookup is a paid, rate-limited API call (Event history) rather than a read of cached files. */
    boolean callPerLookup();

    /**
     * The CloudTrail records of {@code account} in {@code region} that name {@code resourceName}, with an event time
     * in {@code [from, to]}, in any order.
     *
     * @throws TrailAccessException when the source refused (denied, no such bucket): the scan's alert names it
     */
    List<JsonNode> records(String account, String region, String resourceName, Instant from, Instant to);
}
