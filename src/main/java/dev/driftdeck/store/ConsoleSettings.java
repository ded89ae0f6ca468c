package dev.driftdeck.store;

import dev.driftdeck.risk.Severity;

import java.util.List;

/**
 * What the console scans and how often, as the operator set it.
 *
 * @param stateUris           state sources
 * @param regions             regions; empty means the profile's default
 * @param profile             AWS profile, or null for the default chain
 * @param endpointUrl         AWS-compatible endpoint override, or null
 * @param strict              keep AWS default resources
 * @param scanIntervalMinutes minutes between scheduled drift scans (at least 1)
 * @param notifyAtLeast       the least severe new drift the banner and desktop notifications announce; null for any
 */
public record ConsoleSettings(List<String> stateUris, List<String> regions, String profile, String endpointUrl,
                              boolean strict, int scanIntervalMinutes, Severity notifyAtLeast) {

    public static final int DEFAULT_SCAN_INTERVAL_MINUTES = 15;

    public ConsoleSettings {
        stateUris = List.copyOf(stateUris);
        regions = List.copyOf(regions);
        if (scanIntervalMinutes < 1) {
            throw new IllegalArgumentException("scanIntervalMinutes must be at least 1, was " + scanIntervalMinutes);
        }
    }

    /** Settings that announce any new drift (as the console did before severities). */
    public ConsoleSettings(List<String> stateUris, List<String> regions, String profile, String endpointUrl,
                           boolean strict, int scanIntervalMinutes) {
        this(stateUris, regions, profile, endpointUrl, strict, scanIntervalMinutes, null);
    }

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(List.of(), List.of(), null, null, false, DEFAULT_SCAN_INTERVAL_MINUTES, null);
    }
}
