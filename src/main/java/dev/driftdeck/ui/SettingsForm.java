package dev.driftdeck.ui;

import dev.driftdeck.risk.Severity;

import java.util.List;

/**
 * The settings the console edits, as plain values; the app root maps them to the real settings store.
 *
 * @param stateUris           state sources: paths, directories, globs, {@code s3://bucket/key} or {@code s3://bucket/prefix/}
 * @param regions             AWS regions to scan; empty means "from the profile or AWS_REGION"
 * @param profile             AWS profile name, or blank for the default chain
 * @param endpointUrl         AWS-compatible endpoint (emulators), or blank for real AWS
 * @param strict              keep AWS default resources (default VPC, service-linked roles...)
 * @param scanIntervalMinutes how often the drift-scan job runs
 * @param notifyAtLeast       the least severe new drift the banner and desktop notifications announce; null for any
 */
public record SettingsForm(
        List<String> stateUris,
        List<String> regions,
        String profile,
        String endpointUrl,
        boolean strict,
        int scanIntervalMinutes,
        Severity notifyAtLeast) {

    public SettingsForm {
        stateUris = List.copyOf(stateUris);
        regions = List.copyOf(regions);
        profile = profile == null ? "" : profile;
        endpointUrl = endpointUrl == null ? "" : endpointUrl;
    }

    /** A form that announces any new drift. */
    public SettingsForm(List<String> stateUris, List<String> regions, String profile, String endpointUrl, boolean strict,
                        int scanIntervalMinutes) {
        this(stateUris, regions, profile, endpointUrl, strict, scanIntervalMinutes, null);
    }

    /** What a fresh installation starts with: no sources, default profile, every 15 minutes. */
    public static SettingsForm defaults() {
        return new SettingsForm(List.of(), List.of(), "", "", false, 15);
    }
}
