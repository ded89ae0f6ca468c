package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * SSO profiles resolve only when the sso and ssooidc modules are on the classpath; without them the SDK refuses the
 * profile outright. With them, an SSO profile whose login has not happened fails for that reason: no cached token.
 */
class SsoProfileTest {

    @Test
    void anSsoProfileIsUnderstoodAndAsksForALoginInsteadOfAMissingModule(@TempDir Path home) throws Exception {
        Path config = home.resolve("config");
        Files.writeString(config, """
                [profile org-sso]
                sso_session = org
                sso_account_id = 111111111111
                sso_role_name = DriftRead
                region = eu-west-1

                [sso-session org]
                sso_start_url = https://example.awsapps.com/start
                sso_region = eu-west-1
                """);
        ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();

        Throwable failure = catchThrowable(() -> {
            try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder()
                    .profileFile(file).profileName("org-sso").build()) {
                provider.resolveCredentials();
            }
        });

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).doesNotContainIgnoringCase("class path").doesNotContainIgnoringCase("classpath");
    }
}
