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
 */
public record CollectorContext(AwsSession session, String account, String region, boolean strict) {

    public Ec2Client ec2() {
        return session.ec2(region);
    }

    public S3Client s3() {
        return session.s3();
    }

    public IamClient iam() {
        return session.iam();
    }

    /** A live resource of this scope. */
    public LiveResource resource(String type, String id, Map<String, Object> attributes) {
        return new LiveResource(type, id, account, region, attributes);
    }
}
