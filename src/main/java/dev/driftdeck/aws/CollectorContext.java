package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a collector needs to list one scope.
 *
 * @param session the scan's session (clients, shared bucket listing)
 * @param account the account being listed
 * @param region  the region being listed, or {@code global} for global types
 * @param strict  keep AWS default resources (default VPC, service-linked roles...)
 * @param managed what the states manage: detail calls are spent on these only
 */
public record CollectorContext(AwsSession session, String account, String region, boolean strict, ManagedState managed) {

    public CollectorContext(AwsSession session, String account, String region, boolean strict) {
        this(session, account, region, strict, ManagedState.NONE);
    }

    public Ec2Client ec2() {
        return session.ec2(region);
    }

    public S3Client s3() {
        return session.s3();
    }

    public IamClient iam() {
        return session.iam();
    }

    /**
     * The region a regional client of a global-scoped collector should use: the session's home region. Regional
     * collectors use {@link #region()}.
     */
    public String clientRegion() {
        return dev.driftdeck.drift.ListingScope.GLOBAL.equals(region) ? session.target().region() : region;
    }

    /** True when a state manages this resource of the type: then it is worth a detail call. */
    public boolean manages(String type, String id) {
        return managed.manages(type, id);
    }

    /** A live resource of this scope. */
    public LiveResource resource(String type, String id, Map<String, Object> attributes) {
        return new LiveResource(type, id, account, region, attributes);
    }

    /** A live resource known only by its identity: unmanaged, so nothing of it is compared or fetched. */
    public LiveResource identityOnly(String type, String id) {
        return new LiveResource(type, id, account, region, Map.of());
    }

    /**
     * A live resource known by its identity and the parents it was listed under (e.g. {@code rest_api_id}): unmanaged,
     * nothing of it compared or fetched, but its import id names the parents, which its own id may not (or not
     * unambiguously: a log stream named {@code 2026/12/07/x} in the group {@code /aws/lambda/x}).
     */
    public LiveResource identityOnly(String type, String id, Map<String, Object> parents) {
        return new LiveResource(type, id, account, region, Map.copyOf(parents));
    }
}
