package dev.driftdeck.scan;

import dev.driftdeck.aws.AwsProfiles;
import java.util.List;
import java.util.regex.Pattern;

/** Which regions a scan covers: the requested ones, else the profile's or the environment's default. */
final class Regions {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

    private Regions() {
    }

    /**
     * Refuses a profile no AWS config or credentials file defines, before any call is made: otherwise every listing
     * fails on its own and the operator reads a dozen alerts for one typo.
     */
    static void checkProfile(ScanRequest request) {
        if (request.profile() == null) {
            return;
        }
        boolean defined;
        try {
            defined = AwsProfiles.isDefined(request.profile());
        } catch (RuntimeException e) {
            throw new ScanConfigurationException("AWS profile '" + request.profile() + "' cannot be read: the AWS config"
                    + " files are not valid (" + e.getMessage() + "). Fix ~/.aws/config or ~/.aws/credentials.");
        }
        if (!defined) {
            throw new ScanConfigurationException("AWS profile '" + request.profile() + "' is not defined in ~/.aws/config"
                    + " or ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE): check the name"
                    + " (aws configure list-profiles), or leave --profile out to use the default credential chain.");
        }
    }

    static List<String> resolve(ScanRequest request) {
        List<String> regions = request.regions();
        for (String region : regions) {
            if (!REGION.matcher(region).matches()) {
                throw new ScanConfigurationException("'" + region + "' is not an AWS region name (like eu-west-1).");
            }
        }
        if (!regions.isEmpty()) {
            return List.copyOf(new java.util.LinkedHashSet<>(regions));
        }
        return List.of(AwsProfiles.defaultRegion(request.profile()).orElseThrow(() -> new ScanConfigurationException(
                "No AWS region given: pass --region, set AWS_REGION, or set a region in "
                + (request.profile() == null ? "the default profile" : "profile '" + request.profile() + "'") + ".")));
    }
}
