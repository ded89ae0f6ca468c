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
 * @param roleArn     a role to assume with the profile's (or default) credentials before scanning, or null
 * @param externalId  the external id the role's trust policy demands, or null
 */
public record AwsTarget(String profile, String region, String endpointUrl, String roleArn, String externalId) {

    public AwsTarget {
        Objects.requireNonNull(region, "region: pass --region or set AWS_REGION");
        profile = blankToNull(profile);
        endpointUrl = blankToNull(endpointUrl);
        roleArn = blankToNull(roleArn);
        externalId = blankToNull(externalId);
    }

    public AwsTarget(String profile, String region, String endpointUrl) {
        this(profile, region, endpointUrl, null, null);
    }

    /** The endpoint override in effect: the explicit one, else {@code AWS_ENDPOINT_URL}, else null. */
    public String effectiveEndpoint() {
        if (endpointUrl != null) {
            return endpointUrl;
        }
        String fromEnv = System.getenv("AWS_ENDPOINT_URL");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }

    /** How the operator recognises this identity in messages: profile and role. */
    public String describe() {
        String who = profile == null ? "default credentials" : "profile " + profile;
        return roleArn == null ? who : who + " as " + roleArn;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
