package dev.driftdeck.state;

/**
 * What identifies one version of one state object without reading it, for conditional reads.
 *
 * @param etag      the S3 ETag, or for a local file its size and modification time; null when unknown
 * @param versionId the S3 VersionId on a versioned bucket, else null
 */
public record StateVersion(String etag, String versionId) {

    public static final StateVersion UNKNOWN = new StateVersion(null, null);
}
