package dev.driftdeck.ui.sources;

import java.time.Instant;

/**
 * One state object in the Sources view.
 *
 * @param uri           the object or file, e.g. {@code s3://tf/env:/dev/app.tfstate}
 * @param workspace     Terraform workspace, or null
 * @param lastSync      when the sync last checked it, or null if never
 * @param serial        serial of the version last read, or null
 * @param lineage       lineage of that version, or null
 * @param resourceCount managed instances in it
 * @param error         why the last check failed, or null
 */
public record SourceLine(String uri, String workspace, Instant lastSync, Long serial, String lineage,
                         int resourceCount, String error) {
}
