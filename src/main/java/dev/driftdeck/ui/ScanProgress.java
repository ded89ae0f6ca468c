package dev.driftdeck.ui;

/**
 * One progress report of a running scan, as the status bar shows it.
 *
 * @param message what the scan is doing now, e.g. "Listing aws_instance in eu-west-1"
 * @param done    steps finished so far
 * @param total   steps expected in all, or 0 when not yet known (the bar is then indeterminate)
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
}
