package dev.driftdeck.state.s3;

import dev.driftdeck.state.StateAccess;

/**
 * Who reads a state bucket, where: the source's own profile, region and role when its URI names them, else the
 * scan's. The endpoint is always the scan's ({@code --endpoint-url}, else {@code AWS_ENDPOINT_URL}).
 *
 * @param profile  AWS profile, or null for the default credential chain
 * @param region   region of the client (S3 follows a bucket to its own region anyway)
 * @param roleArn  role assumed with those credentials before reading, or null
 * @param endpoint endpoint override, or null for real AWS
 */
public record S3Access(String profile, String region, String roleArn, String endpoint) {

    static final String FALLBACK_REGION = "us-east-1";

    static S3Access of(S3StateUri uri, StateAccess scan) {
        String region = first(uri.region(), scan.region(), System.getenv("AWS_REGION"), FALLBACK_REGION);
        String endpoint = first(scan.endpointUrl(), System.getenv("AWS_ENDPOINT_URL"));
        return new S3Access(first(uri.profile(), scan.profile()), region, uri.roleArn(), endpoint);
    }

    /** "profile 'ops'" or "the default credentials", for messages that say whom to grant what. */
    String who() {
        String credentials = profile == null ? "the default credentials" : "profile '" + profile + "'";
        return roleArn == null ? credentials : "role " + roleArn + " (assumed with " + credentials + ")";
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
