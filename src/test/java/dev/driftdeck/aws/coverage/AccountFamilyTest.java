package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.PrivateMoto;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Account-level settings and policy resources end to end: real Terraform applies {@code fixtures/terraform/account}
 * to moto (the IAM account alias and password policy, OpenID Connect providers, user SSH keys, DynamoDB resource
 * policies, KMS keys with imported key material), a scan finds it all in sync, and console-style edits, deletions
 * and hand-made additions are reported exactly. What Terraform cannot apply to moto (the account's S3 public access
 * block, SQS redrive-allow policies, SNS data protection policies, external replica keys) is in
 * {@code AccountWireMockTest}; see the fixture's header for why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PrivateMoto
class AccountFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_iam_account_alias", "aws_iam_account_password_policy",
            "aws_iam_openid_connect_provider", "aws_iam_user_ssh_key", "aws_dynamodb_resource_policy",
            "aws_kms_external_key");

    /** Covered by AccountWireMockTest. */
    static final Set<String> NOT_ON_MOTO = Set.of("aws_s3_account_public_access_block",
            "aws_sqs_queue_redrive_allow_policy", "aws_sns_topic_data_protection_policy",
            "aws_kms_replica_external_key");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("account");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
    }

    @Test
    @Order(2)
    void consoleEditsDeletionsAndHandMadeResourcesAreReportedExactly() {
        List<String> expected = AccountFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
    }

    @Test
    @Order(3)
    void aPasswordPolicyDeletedInTheConsoleIsMissing() {
        try (IamClient iam = MotoClients.iam()) {
            iam.deleteAccountPasswordPolicy();
        }

        assertThat(CoverageFixture.drift(fixture.scan())).contains("MISSING aws_iam_account_password_policy.policy");
    }
}
