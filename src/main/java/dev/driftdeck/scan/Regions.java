package dev.driftdeck.scan;

import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Which regions a scan covers: the requested ones, else the profile's or the environment's default. */
final class Regions {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

    private Regions() {
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
        try {
            Region region = request.profile() == null
                    ? new DefaultAwsRegionProviderChain().getRegion()
                    : new AwsProfileRegionProvider(() -> ProfileFile.defaultProfileFile(), request.profile()).getRegion();
            return List.of(region.id());
        } catch (SdkClientException | IllegalStateException e) {
            throw new ScanConfigurationException("No AWS region given: pass --region, set AWS_REGION, or set a region in "
                    + (request.profile() == null ? "the default profile" : "profile '" + request.profile() + "'") + ".");
        }
    }
}
