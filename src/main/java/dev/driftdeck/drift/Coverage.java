package dev.driftdeck.drift;

/**
 * {@code managed / (managed + unmanaged + missing)}, as the brief defines it.
 * IGNORED and NOT_CHECKED resources count on neither side.
 */
public record Coverage(long managed, long unmanaged, long missing) {

    /** Truncated integer percent, driftctl-compatible; 100 when there is nothing to cover. */
    public int percent() {
        long total = managed + unmanaged + missing;
        return total == 0 ? 100 : (int) (managed * 100 / total);
    }

    /** The exact ratio in [0, 1]; 1 when there is nothing to cover. */
    public double exact() {
        long total = managed + unmanaged + missing;
        return total == 0 ? 1.0 : (double) managed / total;
    }
}
