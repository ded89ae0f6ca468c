package dev.driftdeck.attribution;

/**
 * A trail source that failed in one account and region: the scan says so in an alert and carries on.
 *
 * @param account   the account
 * @param region    the region
 * @param message   what happened and what to do
 * @param iamAction the action to grant when that is the fix, else null
 */
public record AccessProblem(String account, String region, String message, String iamAction) {
}
