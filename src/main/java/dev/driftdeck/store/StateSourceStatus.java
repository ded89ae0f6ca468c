package dev.driftdeck.store;

import java.time.Instant;

/**
 * One state object as the last sync saw it: what the Sources view lists.
 *
 * @param uri           the object or file, e.g. {@code s3://tf/env:/dev/app.tfstate}
 * @param workspace     its Terraform workspace, or null when the source is not a workspace source
 * @param lastChecked   when the sync last looked at it
 * @param lastChanged   when a new version (serial, lineage or ETag) was last seen, or null if never read
 * @param serial        serial of the current version, or null when never read
 * @param lineage       lineage of the current version, or null
 * @param etag          S3 ETag (local: size and mtime), or null
 * @param versionId     S3 VersionId on a versioned bucket, or null
 * @param resourceCount managed instances in the current version
 * @param error         why the last check failed, or null when it succeeded
 */
public record StateSourceStatus(String uri, String workspace, Instant lastChecked, Instant lastChanged, Long serial,
                                String lineage, String etag, String versionId, int resourceCount, String error) {
}
