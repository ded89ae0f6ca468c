package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sso.auth.ExpiredTokenException;

/**
 * SSO profiles resolve only when the sso and ssooidc modules are on the classpath; without them the SDK refuses the
 * profile outright ("the 'sso' service module must be on the class path"). With them, an SSO profile whose login has
 * not happened fails for that reason and no other: no cached token, so the SDK says to run {@code aws sso login}.
 * (Run with {@code -Dmaven.test.dependency.excludes=software.amazon.awssdk:sso} to see it fail.)
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

        // The SSO provider itself got as far as looking for the login's cached token; any other failure (a module
        // missing, a profile the SDK did not read as SSO) is a different exception with a different message.
        assertThat(failure).isInstanceOf(ExpiredTokenException.class)
                .hasMessageContaining("aws sso login")
                .cause().isInstanceOf(SdkClientException.class).hasMessage("Unable to load SSO token");
    }
}
