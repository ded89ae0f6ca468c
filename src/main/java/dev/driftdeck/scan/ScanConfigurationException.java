package dev.driftdeck.scan;

/** The scan cannot start as configured; the message names the setting at fault and what to do. */
public class ScanConfigurationException extends RuntimeException {
    public ScanConfigurationException(String message) {
        super(message);
    }
}
