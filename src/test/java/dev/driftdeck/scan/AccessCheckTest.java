package dev.driftdeck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.testing.AwsConfigFiles;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Test access" through the real SDK: moto for the account, a closed port, missing and empty profiles, an SSO
 * profile nobody logged in to. Each failure comes back with the words of what failed, never as an exception.
 */
class AccessCheckTest {

    @TempDir
    Path home;

    private AwsConfigFiles files;

    @BeforeAll
    static void defaultChainFindsMotosKeys() {
        MotoClients.useFakeCredentialsForDefaultChain();
    }

    @AfterEach
    void restore() {
        if (files != null) {
            files.close();
        }
    }

    @Test
    void theDefaultChainAgainstMotoNamesTheAccountAndIdentity() {
        AccessCheck.Result result = AccessCheck.standard().check("", List.of(MotoClients.REGION), MotoServer.shared().endpoint());

        assertThat(result).isInstanceOfSatisfying(AccessCheck.Result.Identified.class, identified -> {
            assertThat(identified.account()).isEqualTo(MotoClients.ACCOUNT);
            assertThat(identified.arn()).startsWith("arn:aws:").contains(MotoClients.ACCOUNT);
            assertThat(identified.region()).isEqualTo(MotoClients.REGION);
        });
    }

    @Test
    void aProfilesOwnRegionIsUsedWhenNoneIsChosen() {
        files = AwsConfigFiles.use(home, """
                [profile moto]
                region = eu-west-2
                aws_access_key_id = testing
                aws_secret_access_key = testing
                """);

        AccessCheck.Result result = AccessCheck.standard().check("moto", List.of(), MotoServer.shared().endpoint());

        assertThat(result).isInstanceOfSatisfying(AccessCheck.Result.Identified.class,
                identified -> assertThat(identified.region()).isEqualTo("eu-west-2"));
    }

    @Test
    void aClosedPortSaysTheEndpointCouldNotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        AccessCheck.Result result = AccessCheck.standard().check("", List.of("us-east-1"), "http://127.0.0.1:" + closedPort);

        assertThat(result).isInstanceOfSatisfying(AccessCheck.Result.Failed.class, failed -> assertThat(failed.error())
                .contains("Unable to execute HTTP request", "127.0.0.1:" + closedPort, "Connection refused"));
    }

    @Test
    void aProfileNoFileDefinesIsNamedBeforeAnyCall() {
        files = AwsConfigFiles.use(home, """
                [profile other]
                region = eu-west-1
                """);

        AccessCheck.Result result = AccessCheck.standard().check("no-such-profile", List.of("us-east-1"), "");

        assertThat(result).isInstanceOfSatisfying(AccessCheck.Result.Failed.class, failed -> assertThat(failed.error())
                .startsWith(ScanConfigurationException.class.getName() + ": AWS profile 'no-such-profile' is not defined"));
    }

    @Test
    void aProfileWithoutCredentialsSaysSo() {
        files = AwsConfigFiles.use(home, """
                [profile region-only]
                region = eu-west-1
                """);

        AccessCheck.Result result = AccessCheck.standard().check("region-only", List.of(), MotoServer.shared().endpoint());

        assertThat(result).isInstanceOfSatisfying(AccessCheck.Result.Failed.class, failed -> assertThat(failed.error())
                .contains("region-only").containsIgnoringCase("credentials"));
    }

    @Test
    void anSsoProfileWithoutALoginSaysSo() {
        files = AwsConfigFiles.use(home, """
                [profile org-sso]
                sso_session = org
                sso_account_id = 111111111111
                sso_role_name = DriftRead
                region = eu-west-1

                [sso-session org]
                sso_start_url = https://example.awsapps.com/start
                sso_region = eu-west-1
                """);

        AccessCheck.Result result = AccessCheck.standard().check("org-sso", List.of(), MotoServer.shared().endpoint());

        assertThat(result).isInstanceOfSatisfying(AccessCheck.Result.Failed.class, failed -> {
            System.out.println("SSO: " + failed.error());
            assertThat(failed.error()).containsIgnoringCase("sso");
        });
    }
}
