package dev.driftdeck.drift;

/**
 * A scan-level problem an operator must see.
 *
 * @param type      the resource type it concerns, or null for source-level alerts
 * @param account   the account it concerns, or null; set together with region only for a failed listing
 * @param region    the region it concerns, or null
 * @param message   what happened and what to do, in words
 * @param iamAction the IAM action to grant when that is the fix, else null
 */
public record Alert(String type, String account, String region, String message, String iamAction) {
}
