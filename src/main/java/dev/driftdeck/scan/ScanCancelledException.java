package dev.driftdeck.scan;

/** The scan was asked to stop (shutdown, deadline) before it finished; nothing of it is stored. */
public class ScanCancelledException extends RuntimeException {
    public ScanCancelledException(String message) {
        super(message);
    }
}
