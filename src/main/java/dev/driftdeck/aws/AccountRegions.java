package dev.driftdeck.aws;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Who a session's credentials are and which regions their account has enabled, as plain values.
 *
 * @param account the account id
 * @param arn     the caller's ARN
 * @param regions the enabled region names, sorted
 */
public record AccountRegions(String account, String arn, List<String> regions) {

    public AccountRegions {
        regions = List.copyOf(regions);
    }

    /** Read-only: STS GetCallerIdentity, then EC2 DescribeRegions in {@code homeRegion}. */
    public static AccountRegions of(AwsSession session, String homeRegion) {
        CallerIdentity identity = CallerIdentity.of(session);
        List<String> regions = session.ec2(homeRegion).describeRegions().regions().stream()
                .map(Region::regionName).sorted().toList();
        return new AccountRegions(identity.account(), identity.arn(), regions);
    }
}
