package dev.driftdeck.drift;

import java.time.Instant;

/**
 * What the newest stored scan said about one resource: where a lookup of who changed it starts.
 *
 * @param status           its status then
 * @param scanStart        when that scan started
 * @param driftedSince     the start of the first scan of its drift then, or null when it was not drifting
 * @param lastScanInSync   the start of the last scan before {@code driftedSince} (the change came after it), or null
 *                         when the drift was there from the first stored scan or it was not drifting
 */
public record PriorFinding(FindingStatus status, Instant scanStart, Instant driftedSince, Instant lastScanInSync) {
}
