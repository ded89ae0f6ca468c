package dev.driftdeck.state;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * moto-foundation.tfstate: what Terraform 1.11 with AWS provider 5.100 writes today (scripts/make-tfstate-fixtures.sh
 * regenerates it from fixtures/terraform). Unlike the 3.x corpus it records sensitive_attributes.
 */
class MotoFoundationStateTest {

    private final TfStateParser parser = new TfStateParser();

    @Test
    void readsEveryManagedInstanceWithItsTerraformAddress() throws Exception {
        StateSnapshot snapshot = parser.parse(TfStateParserTest.resource("moto-foundation.tfstate"));

        assertThat(snapshot.terraformVersion()).isEqualTo("1.11.4");
        assertThat(snapshot.resources()).extracting(StateResource::address).contains(
                "aws_vpc.main",
                "aws_instance.web",
                "aws_s3_bucket_versioning.logs",
                "aws_s3_bucket_public_access_block.logs",
                "aws_s3_bucket_policy.logs",
                "aws_subnet.az[0]",
                "aws_subnet.az[1]",
                "aws_sqs_queue.q[\"orders\"]",
                "module.app[\"blue\"].aws_iam_role_policy_attachment.read",
                "module.app[\"blue\"].aws_sns_topic.events[0]",
                "module.app[\"blue\"].module.queue.aws_sqs_queue.dlq")
                .doesNotContain("data.aws_caller_identity.me", "data.aws_ami.ubuntu")
                .hasSize(21);
        assertThat(snapshot.resources()).filteredOn(r -> r.type().equals("aws_instance")).singleElement()
                .satisfies(web -> {
                    assertThat(web.id()).startsWith("i-");
                    assertThat(web.attributes()).containsEntry("ami", "ami-1e749f67")
                            .containsEntry("instance_type", "t3.micro");
                });
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
        String raw = Files.readString(TfStateParserTest.resource("moto-foundation.tfstate"));
        assertThat(raw).contains("fixture-password-not-secret", "fixture-token-not-secret");

        Map<String, Object> key = byAddress("aws_iam_access_key.ci").attributes();
        Map<String, Object> parameter = byAddress("aws_ssm_parameter.db_password").attributes();
        Map<String, Object> version = byAddress("aws_secretsmanager_secret_version.api").attributes();

        assertThat(key).containsEntry("secret", Sensitive.MASK).containsEntry("ses_smtp_password_v4", Sensitive.MASK)
                .containsEntry("user", "ci-deployer");
        String keyId = rawAccessKeyId(raw);
        assertThat(byAddress("aws_iam_access_key.ci").id()).isEqualTo(AccessKeyIds.redact(keyId))
                .startsWith("AKIA…" + keyId.substring(16) + "-");
        assertThat(parameter).containsEntry("value", Sensitive.MASK).containsEntry("type", "SecureString");
        assertThat(version).containsEntry("secret_string", Sensitive.MASK);
        String everything = parser.parse(TfStateParserTest.resource("moto-foundation.tfstate")).toString();
        assertThat(everything).doesNotContain("fixture-password-not-secret", "fixture-token-not-secret", keyId);
        assertThat(List.of(key, parameter, version).toString()).doesNotContain(rawSecret(raw));
    }

    private static String rawAccessKeyId(String raw) {
        Matcher id = Pattern.compile("\"id\": \"(AKIA[A-Z0-9]{16})\"").matcher(raw);
        assertThat(id.find()).as("the fixture holds the access key id in clear").isTrue();
        return id.group(1);
    }

    private static String rawSecret(String raw) {
        Matcher secret = Pattern.compile("\"secret\": \"([^\"]+)\"").matcher(raw);
        assertThat(secret.find()).as("the fixture holds the access key secret in clear").isTrue();
        return secret.group(1);
    }

    private StateResource byAddress(String address) throws Exception {
        return parser.parse(TfStateParserTest.resource("moto-foundation.tfstate")).resources().stream()
                .filter(r -> r.address().equals(address)).findFirst().orElseThrow();
    }
}
