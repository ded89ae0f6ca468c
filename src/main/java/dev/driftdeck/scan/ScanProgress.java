package dev.driftdeck.scan;

/**
 * Where a running scan is, for the status bar and the CLI's stderr.
 *
 * @param message what it is doing, e.g. "Listing 12 resource type(s) in eu-west-1"
 * @param done    steps finished
 * @param total   steps in all, or 0 when not yet known (the console shows an indeterminate bar)
 */
public record ScanProgress(String message, int done, int total) {

    public ScanProgress {
        message = message == null ? "" : message;
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("progress counts must not be negative: " + done + "/" + total);
        }
    }

    /** Fraction in [0, 1], or -1 (JavaFX's "indeterminate") when the total is not known yet. */
    public double fraction() {
        return total == 0 ? -1 : Math.min(1.0, (double) done / total);
    }

    /** True once every expected step is done. */
    public boolean finished() {
        return total > 0 && done >= total;
    }

    public interface Listener {
        void onProgress(ScanProgress progress);

        Listener NONE = progress -> { };
    }
}
