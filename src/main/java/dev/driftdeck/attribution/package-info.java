/**
 * Who changed a drifted resource: the CloudTrail write events on it since it was last seen in sync. Plain values and
 * the rules that read CloudTrail records (via, principal, which records name a resource); the AWS calls that fetch
 * them sit behind {@link dev.driftdeck.attribution.TrailSource}, implemented in {@code aws}. Depends on no other
 * Driftdeck package, so {@code drift} can carry the result on a finding.
 */
package dev.driftdeck.attribution;
