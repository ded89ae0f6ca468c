package dev.driftdeck.state;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * moto-aws5.tfstate: what Terraform 1.11 with AWS provider 5.100 writes today (scripts/make-tfstate-fixtures.sh
 * regenerates it from fixtures/terraform). Unlike the 3.x corpus it records sensitive_attributes.
 */
class CurrentProviderStateTest {

    private final TfstateParser parser = new TfstateParser();

    @Test
    void readsEveryManagedInstanceWithItsTerraformAddress() throws Exception {
        StateSnapshot snapshot = parser.parse(TfstateParserTest.resource("moto-aws5.tfstate"));

        assertThat(snapshot.terraformVersion()).isEqualTo("1.11.4");
        assertThat(snapshot.resources()).extracting(StateResource::address).contains(
                "aws_vpc.main",
                "aws_subnet.az[0]",
                "aws_subnet.az[1]",
                "aws_sqs_queue.q[\"orders\"]",
                "module.app[\"blue\"].aws_iam_role_policy_attachment.read",
                "module.app[\"blue\"].aws_sns_topic.events[0]",
                "module.app[\"blue\"].module.queue.aws_sqs_queue.dlq")
                .doesNotContain("data.aws_caller_identity.me")
                .hasSize(17);
    }

    @Test
    void attachmentKeepsTheAttributesItsMatchIdIsBuiltFrom() throws Exception {
        StateResource attachment = byAddress("module.app[\"blue\"].aws_iam_role_policy_attachment.read");

        assertThat(attachment.id()).startsWith("app-blue-");
        assertThat(attachment.attributes()).containsEntry("role", "app-blue")
                .containsEntry("policy_arn", "arn:aws:iam::123456789012:policy/app-blue-read");
    }

    @Test
    void secretsTheProviderMarksSensitiveNeverLeaveTheParser() throws Exception {
        String raw = Files.readString(TfstateParserTest.resource("moto-aws5.tfstate"));
        assertThat(raw).contains("fixture-password-not-secret", "fixture-token-not-secret");

        Map<String, Object> key = byAddress("aws_iam_access_key.ci").attributes();
        Map<String, Object> parameter = byAddress("aws_ssm_parameter.db_password").attributes();
        Map<String, Object> version = byAddress("aws_secretsmanager_secret_version.api").attributes();

        assertThat(key).containsEntry("secret", Sensitive.MASK).containsEntry("ses_smtp_password_v4", Sensitive.MASK)
                .containsEntry("user", "ci-deployer");
        assertThat(parameter).containsEntry("value", Sensitive.MASK).containsEntry("type", "SecureString");
        assertThat(version).containsEntry("secret_string", Sensitive.MASK);
        assertThat(List.of(key, parameter, version).toString())
                .doesNotContain("fixture-password-not-secret", "fixture-token-not-secret");
    }

    private StateResource byAddress(String address) throws Exception {
        return parser.parse(TfstateParserTest.resource("moto-aws5.tfstate")).resources().stream()
                .filter(r -> r.address().equals(address)).findFirst().orElseThrow();
    }
}
