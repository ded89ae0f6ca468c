package dev.driftdeck.state;

/**
 * How a scan reaches remote state when a source does not say otherwise: the scan's own profile, home region and
 * endpoint override. An S3 source may name its own profile, region and role in its URI (the state bucket often
 * lives in a tooling account, apart from the scanned ones).
 *
 * @param profile     AWS profile, or null for the default credential chain
 * @param region      home region, or null to let the SDK's region chain decide
 * @param endpointUrl AWS-compatible endpoint (emulators), or null for real AWS / {@code AWS_ENDPOINT_URL}
 */
public record StateAccess(String profile, String region, String endpointUrl) {

    public StateAccess {
        profile = blankToNull(profile);
        region = blankToNull(region);
        endpointUrl = blankToNull(endpointUrl);
    }

    public static StateAccess defaults() {
        return new StateAccess(null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
