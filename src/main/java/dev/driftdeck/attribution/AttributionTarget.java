package dev.driftdeck.attribution;

import java.time.Instant;

/**
 * One drifted resource to attribute.
 *
 * @param type         Terraform type
 * @param id           the id as Terraform writes it
 * @param account      its account
 * @param region       its region ({@code global} for global types)
 * @param lastInSync   the start of the last stored scan that saw it in sync (the change came after it), or null when
 *                     unknown (a first scan, a scan recorded nowhere): then the window is CloudTrail's 90 days
 * @param driftedSince the start of the first scan that saw this drift, or null when unknown
 */
public record AttributionTarget(String type, String id, String account, String region, Instant lastInSync,
                                Instant driftedSince) {
}
