package dev.driftdeck.scan;

/**
 * Where a running scan is, for the status bar and the CLI's stderr.
 *
 * @param message what it is doing, in words
 * @param done    steps finished
 * @param total   steps in all
 */
public record ScanProgress(String message, int done, int total) {

    public interface Listener {
        void onProgress(ScanProgress progress);

        Listener NONE = progress -> { };
    }
}
