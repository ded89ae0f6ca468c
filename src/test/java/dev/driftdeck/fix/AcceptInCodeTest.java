package dev.driftdeck.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptInCodeTest {

    static Finding changed(String type, String id, String address, AttributeDiff... diffs) {
        return new Finding(FindingStatus.CHANGED, type, id, address, "123456789012", "eu-west-1", "terraform.tfstate",
                List.of(diffs), null);
    }

    static AttributeDiff diff(List<String> path, String expected, String actual) {
        DiffKind kind = expected == null ? DiffKind.ADDED : actual == null ? DiffKind.REMOVED : DiffKind.CHANGED;
        return new AttributeDiff(path, expected, actual, kind);
    }

    @Test
    void aSecurityGroupsRulesAreBlocksInAStableOrderAndItsTagsAreKeys() {
        Finding finding = changed("aws_security_group", "sg-0abc", "aws_security_group.web",
                diff(List.of("ingress"), "[{\"cidr_blocks\":[\"10.0.0.0/8\"],\"from_port\":443,\"protocol\":\"tcp\",\"to_port\":443}]",
                        "[{\"cidr_blocks\":[\"0.0.0.0/0\"],\"description\":\"ssh ${by} hand\",\"from_port\":22,\"protocol\":\"tcp\",\"to_port\":22},"
                                + "{\"cidr_blocks\":[\"10.0.0.0/8\"],\"from_port\":443,\"protocol\":\"tcp\",\"to_port\":443}]"),
                diff(List.of("egress"), "[{\"cidr_blocks\":[\"0.0.0.0/0\"],\"protocol\":\"-1\"}]", null),
                diff(List.of("tags", "Environment"), null, "\"prod\""),
                diff(List.of("tags", "Owner"), "\"team-a\"", null),
                diff(List.of("tags", "cost:center"), "\"1\"", "\"2\""));

        assertThat(AcceptInCode.hcl(finding)).isEqualTo("""
                # Accept the live values: replace these arguments in aws_security_group.web (the arguments not listed stay as they are)
                resource "aws_security_group" "web" {
                  ingress {
                    cidr_blocks = ["0.0.0.0/0"]
                    description = "ssh $${by} hand"
                    from_port = 22
                    protocol = "tcp"
                    to_port = 22
                  }
                  ingress {
                    cidr_blocks = ["10.0.0.0/8"]
                    from_port = 443
                    protocol = "tcp"
                    to_port = 443
                  }

                  egress = [] # none in AWS

                  # tags is a map: change only these keys and keep the others; remove "Owner"
                  tags = {
                    Environment   = "prod"
                    "cost:center" = "2"
                  }
                }
                """);
    }

    @Test
    void anAllTrafficRuleKeepsItsZeroPortsWhichTheScanDrops() {
        Finding finding = changed("aws_security_group", "sg-0abc", "aws_security_group.web",
                diff(List.of("egress"), null, "[{\"cidr_blocks\":[\"0.0.0.0/0\"],\"protocol\":\"-1\"}]"));

        assertThat(AcceptInCode.hcl(finding)).contains("""
                  egress {
                    cidr_blocks = ["0.0.0.0/0"]
                    from_port = 0
                    protocol = "-1"
                    to_port = 0
                  }
                """);
    }

    @Test
    void aPolicyDocumentIsJsonencodeWithEveryKeyQuoted() {
        Finding finding = changed("aws_iam_role", "app", "aws_iam_role.app",
                diff(List.of("assume_role_policy"), "{\"Statement\":{\"Action\":\"sts:AssumeRole\"}}",
                        "{\"Statement\":{\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"1\"}}},\"Version\":\"2012-10-17\"}"));

        assertThat(AcceptInCode.hcl(finding)).contains("""
                  assume_role_policy = jsonencode({
                    "Statement" = {
                      "Action"    = "sts:AssumeRole"
                      "Condition" = {
                        "StringEquals" = {
                          "aws:SourceAccount" = "1"
                        }
                      }
                    }
                    "Version"   = "2012-10-17"
                  })
                """);
    }

    @Test
    void aNestedBlockOfTheSchemaIsABlockAndAScalarIsAnArgument() {
        Finding versioning = changed("aws_s3_bucket_versioning", "logs", "aws_s3_bucket_versioning.logs",
                diff(List.of("versioning_configuration"), "[{\"status\":\"Enabled\"}]", "[{\"status\":\"Suspended\"}]"));
        Finding queue = changed("aws_sqs_queue", "https://sqs/q", "aws_sqs_queue.jobs",
                diff(List.of("visibility_timeout_seconds"), "30", "120"));

        assertThat(AcceptInCode.hcl(versioning)).contains("""
                  versioning_configuration {
                    status = "Suspended"
                  }
                """);
        assertThat(AcceptInCode.hcl(queue)).contains("  visibility_timeout_seconds = 120\n");
    }

    @Test
    void aSensitiveValueIsAPlaceholderNeverTheValue() {
        Finding finding = changed("aws_db_instance", "db", "aws_db_instance.db",
                diff(List.of("password"), "\"(sensitive 1a2b3c4d)\"", "\"(sensitive 5e6f7a8b)\""));

        String hcl = AcceptInCode.hcl(finding);

        assertThat(hcl).contains("  # password is sensitive: Driftdeck never shows its live value. Set it from your secret store.\n"
                + "  password = var.password\n").doesNotContain("5e6f7a8b");
    }

    @Test
    void aModuleAddressSaysTheValueBelongsInTheModuleInputs() {
        Finding finding = changed("aws_sqs_queue", "https://sqs/q", "module.jobs[\"eu\"].aws_sqs_queue.this[0]",
                diff(List.of("delay_seconds"), "0", "5"));

        assertThat(AcceptInCode.hcl(finding)).startsWith("""
                # Accept the live values: replace these arguments in module.jobs["eu"].aws_sqs_queue.this[0] (the arguments not listed stay as they are)
                # module.jobs["eu"].aws_sqs_queue.this[0] is declared in module.jobs["eu"]: these values belong in that module's inputs (the variables that set these arguments),
                # not in a resource block of your root configuration.
                resource "aws_sqs_queue" "this" {
                """);
    }

    @Test
    void onlyAChangedFindingWithAnAddressHasOne() {
        Finding unmanaged = new Finding(FindingStatus.UNMANAGED, "aws_sqs_queue", "q", null, null, null, null, List.of(), null);

        assertThat(AcceptInCode.hcl(unmanaged)).isEmpty();
    }
}
