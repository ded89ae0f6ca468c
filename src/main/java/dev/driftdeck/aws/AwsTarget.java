package dev.driftdeck.aws;

import java.util.Objects;

/**
 * Where and as whom a scan talks to AWS.
 *
 * @param profile     a named AWS profile (SSO and assume-role profiles work as in the AWS CLI), or null for the
 *                    default credential chain
 * @param region      the home region: where STS and the global services (IAM, S3 ListBuckets) are called
 * @param endpointUrl an AWS-compatible endpoint (an emulator such as moto) that replaces every service endpoint,
 *                    or null for real AWS; when null, the {@code AWS_ENDPOINT_URL} environment variable is honoured
 */
public record AwsTarget(String profile, String region, String endpointUrl) {

    public AwsTarget {
        Objects.requireNonNull(region, "region: pass --region or set AWS_REGION");
        if (profile != null && profile.isBlank()) {
            profile = null;
        }
        if (endpointUrl != null && endpointUrl.isBlank()) {
            endpointUrl = null;
        }
    }

    /** The endpoint override in effect: the explicit one, else {@code AWS_ENDPOINT_URL}, else null. */
    public String effectiveEndpoint() {
        if (endpointUrl != null) {
            return endpointUrl;
        }
        String fromEnv = System.getenv("AWS_ENDPOINT_URL");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
}
