package dev.driftdeck.fix;

import static dev.driftdeck.fix.AcceptInCodeTest.changed;
import static dev.driftdeck.fix.AcceptInCodeTest.diff;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevertInAwsTest {

    @Test
    void terraformApplyTargetsTheAddressQuotedForTheShell() {
        Finding finding = changed("aws_sqs_queue", "https://sqs/q", "aws_sqs_queue.q[\"it's\"]",
                diff(List.of("delay_seconds"), "0", "5"));

        assertThat(RevertInAws.terraformApply(finding)).isEqualTo("terraform apply -target='aws_sqs_queue.q[\"it'\\''s\"]'");
    }

    @Test
    void aSecurityGroupGetsItsHandAddedRuleRevokedAndItsTagsBack() {
        Finding finding = changed("aws_security_group", "sg-0abc", "aws_security_group.web",
                diff(List.of("ingress"), "[{\"cidr_blocks\":[\"10.0.0.0/8\"],\"from_port\":443,\"protocol\":\"tcp\",\"to_port\":443}]",
                        "[{\"cidr_blocks\":[\"0.0.0.0/0\"],\"from_port\":22,\"protocol\":\"tcp\",\"to_port\":22},"
                                + "{\"cidr_blocks\":[\"10.0.0.0/8\"],\"from_port\":443,\"protocol\":\"tcp\",\"to_port\":443}]"),
                diff(List.of("tags", "Environment"), null, "\"prod\""),
                diff(List.of("tags", "Owner"), "\"team a\"", "\"x\""));

        assertThat(RevertInAws.awsCli(finding)).contains("""
                aws ec2 revoke-security-group-ingress --group-id sg-0abc --ip-permissions \
                '[{"FromPort":22,"IpProtocol":"tcp","IpRanges":[{"CidrIp":"0.0.0.0/0"}],"ToPort":22}]' --region eu-west-1
                aws ec2 create-tags --resources sg-0abc --tags 'Key=Owner,Value=team a' --region eu-west-1
                aws ec2 delete-tags --resources sg-0abc --tags Key=Environment --region eu-west-1""");
    }

    @Test
    void versioningKeyRotationAndQueueAttributesHaveTheirOwnCalls() {
        assertThat(RevertInAws.awsCli(changed("aws_s3_bucket_versioning", "logs", "aws_s3_bucket_versioning.logs",
                diff(List.of("versioning_configuration"), "[{\"status\":\"Enabled\"}]", "[{\"status\":\"Suspended\"}]"))))
                .contains("aws s3api put-bucket-versioning --bucket logs --versioning-configuration Status=Enabled");
        assertThat(RevertInAws.awsCli(changed("aws_kms_key", "k-1", "aws_kms_key.k",
                diff(List.of("enable_key_rotation"), "true", "false"))))
                .contains("aws kms enable-key-rotation --key-id k-1 --region eu-west-1");
        assertThat(RevertInAws.awsCli(changed("aws_sqs_queue", "https://sqs.eu-west-1.amazonaws.com/1/jobs", "aws_sqs_queue.jobs",
                diff(List.of("visibility_timeout_seconds"), "30", "120"))))
                .contains("aws sqs set-queue-attributes --queue-url https://sqs.eu-west-1.amazonaws.com/1/jobs"
                        + " --attributes VisibilityTimeout=30 --region eu-west-1");
    }

    @Test
    void aPublicAccessBlockNeedsAllFourSettingsBecauseTheCallReplacesThemAll() {
        Finding allFour = changed("aws_s3_bucket_public_access_block", "logs", "aws_s3_bucket_public_access_block.logs",
                diff(List.of("block_public_acls"), "true", "false"), diff(List.of("block_public_policy"), "true", "false"),
                diff(List.of("ignore_public_acls"), "true", "false"), diff(List.of("restrict_public_buckets"), "true", "false"));
        Finding one = changed("aws_s3_bucket_public_access_block", "logs", "aws_s3_bucket_public_access_block.logs",
                diff(List.of("block_public_acls"), "true", "false"));

        assertThat(RevertInAws.awsCli(allFour)).contains("aws s3api put-public-access-block --bucket logs "
                + "--public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,"
                + "RestrictPublicBuckets=true");
        assertThat(RevertInAws.awsCli(one)).isEmpty();
    }

    @Test
    void aDriftWithoutAKnownCallHasNoCliCommandOnlyTerraform() {
        Finding finding = changed("aws_instance", "i-0abc", "aws_instance.web",
                diff(List.of("instance_type"), "\"t3.micro\"", "\"t3.large\""),
                diff(List.of("tags", "Name"), "\"web\"", "\"x\""));

        assertThat(RevertInAws.awsCli(finding)).isEmpty();
    }
}
