package dev.driftdeck.aws;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Whether AWS credentials resolve the way a scan will look for them (the profile from the settings, else the
 * default chain), so an empty console can tell a new user how to set them up. Only resolves credentials: no call
 * to AWS. May block while the chain asks the instance metadata service; never call it on the FX thread.
 */
public final class CredentialsCheck {

    private CredentialsCheck() {
    }

    /** Why credentials do not resolve for {@code profile} (null or blank: the default chain), or empty when they do. */
    public static Optional<String> problem(String profile) {
        boolean named = profile != null && !profile.isBlank();
        AwsCredentialsProvider provider = named
                ? ProfileCredentialsProvider.create(profile)
                : DefaultCredentialsProvider.builder().build();
        try {
            provider.resolveCredentials();
            return Optional.empty();
        } catch (SdkException | IllegalArgumentException | IllegalStateException e) {
            return Optional.of(named
                    ? "profile '" + profile + "' has no usable credentials"
                    : "nothing in the environment, ~/.aws or an SSO session");
        } finally {
            if (provider instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // A provider that cannot close leaves nothing behind we depend on.
                }
            }
        }
    }
}
