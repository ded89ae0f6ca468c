package dev.driftdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The errors below are texts the scheduler recorded and the SDK produced (AccessCheckTest makes the SDK ones for
 * real): the advice reads them as an operator would, and every fix names where in the console to act.
 */
class ErrorAdviceTest {

    private static final String UNDEFINED_PROFILE_RUN = """
            dev.driftdeck.scan.ScanConfigurationException: AWS profile 'prod' is not defined in ~/.aws/config or \
            ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE): check the name (aws configure \
            list-profiles), or leave --profile out to use the default credential chain.
            \tat dev.driftdeck.scan.Regions.checkProfile(Regions.java:35)
            \tat dev.driftdeck.scan.ScanService.scan(ScanService.java:77)
            """;

    @Test
    void anUndefinedProfileSendsTheOperatorToTheProfilePicker() {
        ErrorAdvice advice = ErrorAdvice.of(UNDEFINED_PROFILE_RUN);

        assertThat(advice.problem()).isEqualTo("AWS profile 'prod' is not defined in ~/.aws/config or ~/.aws/credentials"
                + " (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE).");
        assertThat(advice.fix()).isEqualTo("Open Settings → AWS access and pick a profile from the list, or leave it"
                + " blank for the default credential chain.");
    }

    @Test
    void noCredentialsSaysWhereItLookedAndWhatToRun() {
        ErrorAdvice advice = ErrorAdvice.of("software.amazon.awssdk.core.exception.SdkClientException: Unable to load"
                + " credentials from any of the providers in the chain AwsCredentialsProviderChain(credentialsProviders=["
                + "SystemPropertyCredentialsProvider(), EnvironmentVariableCredentialsProvider()]) : [...]");

        assertThat(advice.problem()).startsWith("No AWS credentials found. Looked in: ").contains("AWS_ACCESS_KEY_ID",
                "~/.aws/credentials", "instance metadata");
        assertThat(advice.fix()).contains("aws configure", "aws sso login", "Settings → AWS access");
    }

    @Test
    void aProfileWithoutCredentialsIsNamedWithoutTheSdksDump() {
        ErrorAdvice advice = ErrorAdvice.of("software.amazon.awssdk.core.exception.SdkClientException: Profile file"
                + " contained no credentials for profile 'region-only': ProfileFile(sections=[profiles, sso-session,"
                + " services], profiles=[Profile(name=region-only, properties=[region])])");

        assertThat(advice.problem()).isEqualTo("AWS profile 'region-only' has no credentials: no access keys, SSO"
                + " settings, role_arn or credential_process in ~/.aws/config or ~/.aws/credentials.");
        assertThat(advice.fix()).contains("aws configure --profile region-only", "Settings → AWS access");
    }

    @Test
    void anExpiredSsoLoginGivesTheLoginCommandForTheProfile() {
        String sdk = """
                software.amazon.awssdk.services.sso.auth.ExpiredTokenException: The SSO session associated with this \
                profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the \
                corresponding profile.
                Caused by: software.amazon.awssdk.core.exception.SdkClientException: Unable to load SSO token""";

        assertThat(ErrorAdvice.of(sdk, "org-sso").fix()).isEqualTo("Run aws sso login --profile org-sso, then try again.");
        assertThat(ErrorAdvice.of(sdk, "org-sso").problem()).contains("profile 'org-sso'");
        assertThat(ErrorAdvice.of(sdk).fix()).startsWith("Run aws sso login --profile <the profile in Settings");
    }

    @Test
    void anUnreachableEndpointPointsAtTheEndpointSetting() {
        ErrorAdvice advice = ErrorAdvice.of("software.amazon.awssdk.core.exception.SdkClientException: Unable to execute"
                + " HTTP request: Connect to 127.0.0.1:41045 [/127.0.0.1] failed: Connection refused (SDK Attempt Count: 2)");

        assertThat(advice.problem()).isEqualTo("Unable to execute HTTP request: Connect to 127.0.0.1:41045 [/127.0.0.1]"
                + " failed: Connection refused (SDK Attempt Count: 2)");
        assertThat(advice.fix()).isEqualTo("Check the Endpoint URL in Settings → AWS access (blank for AWS itself) and the"
                + " network.");
    }

    @Test
    void accessDeniedNamesTheIamActionToGrant() {
        String daily = "dev.driftdeck.scan.DailyRefreshJob$DailyRefreshException: AWS account check failed: User:"
                + " arn:aws:iam::123456789012:user/scanner is not authorized to perform: ec2:DescribeRegions because no"
                + " identity-based policy allows the ec2:DescribeRegions action (Service: Ec2, Status Code: 403). Done:"
                + " pruned 0 scan(s) and 0 run(s).\n\tat dev.driftdeck.scan.DailyRefreshJob.run(DailyRefreshJob.java:75)";

        ErrorAdvice advice = ErrorAdvice.of(daily);

        assertThat(advice.problem()).startsWith("AWS account check failed: User: arn:aws:iam::123456789012:user/scanner"
                + " is not authorized to perform: ec2:DescribeRegions");
        assertThat(advice.fix()).startsWith("Grant ec2:DescribeRegions to the scanning identity");
    }

    @Test
    void noRegionAsksForOneInSettings() {
        ErrorAdvice advice = ErrorAdvice.of("dev.driftdeck.scan.ScanConfigurationException: No AWS region given: pass"
                + " --region, set AWS_REGION, or set a region in the default profile.\n\tat x.y(Z.java:1)");

        assertThat(advice.fix()).isEqualTo("Open Settings → AWS access and pick the region(s) to scan.");
    }

    @Test
    void anythingElseKeepsItsOwnMessageAndPointsAtTheRunHistory() {
        String timedOut = "The run passed its deadline of 30 min and was asked to stop; no other drift-scan run starts"
                + " until it returns. If this repeats, check the network path to AWS or raise the deadline.";
        String crash = "java.lang.IllegalStateException: AWS listing of account 1 crashed\n\tat a.b(C.java:1)\n"
                + "Caused by: java.lang.OutOfMemoryError: Java heap space\n\t... 4 more";

        assertThat(ErrorAdvice.of(timedOut)).isEqualTo(new ErrorAdvice(timedOut, "Scheduler → Run history… has the full error."));
        assertThat(ErrorAdvice.of(crash).problem()).isEqualTo("AWS listing of account 1 crashed");
        assertThat(ErrorAdvice.of(null).problem()).isEqualTo("The run failed without a message.");
    }
}
