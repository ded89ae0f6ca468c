package dev.driftdeck.drift;

/**
 * One state source as a scan used it.
 *
 * @param uri           the source URI as configured
 * @param serial        the state's serial, or null when it could not be read
 * @param lineage       the state's lineage, or null
 * @param resourceCount managed resource instances read from it
 * @param error         why it could not be read, or null when it was
 */
public record SourceSummary(String uri, Long serial, String lineage, int resourceCount, String error) {
}
