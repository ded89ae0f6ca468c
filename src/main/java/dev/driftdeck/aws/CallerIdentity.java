package dev.driftdeck.aws;

import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Whom a session's credentials belong to, as plain values (read-only: STS GetCallerIdentity needs no permission).
 *
 * @param account the account id
 * @param arn     the caller's ARN
 */
public record CallerIdentity(String account, String arn) {

    public static CallerIdentity of(AwsSession session) {
        GetCallerIdentityResponse identity = session.sts().getCallerIdentity();
        return new CallerIdentity(identity.account(), identity.arn());
    }
}
