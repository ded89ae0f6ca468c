package dev.driftdeck.aws;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * What the AWS config files and the environment say, read as the SDK reads them (~/.aws/config and credentials,
 * AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_REGION), without any call to AWS.
 */
public final class AwsProfiles {

    private AwsProfiles() {
    }

    /**
     * Whether a config or credentials file defines {@code profile}.
     *
     * @throws RuntimeException (the SDK's) when the files exist but cannot be read or parsed
     */
    public static boolean isDefined(String profile) {
        return ProfileFile.defaultProfileFile().profile(profile).isPresent();
    }

    /** The region {@code profile} sets (null: the default chain's, AWS_REGION first), or empty when none is set. */
    public static Optional<String> defaultRegion(String profile) {
        try {
            Region region = profile == null
                    ? new DefaultAwsRegionProviderChain().getRegion()
                    : new AwsProfileRegionProvider(() -> ProfileFile.defaultProfileFile(), profile).getRegion();
            return Optional.of(region.id());
        } catch (SdkClientException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
