package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ImportTarget;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths, values and word highlights of the side-by-side view; the commands an operator copies. */
class DetailTextTest {

    private static Finding finding(FindingStatus status, String type, String id, String region) {
        return new Finding(status, type, id, status == FindingStatus.UNMANAGED ? null : type + ".x", "123456789012", region,
                null, List.of(), null);
    }

    @Test
    void pathsReadAsTerraformWritesThem() {
        assertThat(ValueText.path(List.of("ingress", "2", "cidr_blocks"))).isEqualTo("ingress[2].cidr_blocks");
        assertThat(ValueText.path(List.of("tags", "team.name"))).isEqualTo("tags[\"team.name\"]");
        assertThat(ValueText.path(List.of("instance_type"))).isEqualTo("instance_type");
    }

    @Test
    void policyDocumentsArePrettyPrintedAndSensitiveValuesStayHidden() {
        String policy = "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"s3:GetObject\\\"}]}\"";

        assertThat(ValueText.pretty(policy)).contains("\n").contains("\"Action\" : \"s3:GetObject\"");
        assertThat(ValueText.pretty("(sensitive)")).isEqualTo("(sensitive)");
        assertThat(ValueText.pretty("\"t3.large\"")).isEqualTo("t3.large");
        assertThat(ValueText.pretty(null)).isEqualTo("—");
        assertThat(ValueText.pretty("[\"10.0.0.0/16\",\"0.0.0.0/0\"]")).isEqualTo("[ \"10.0.0.0/16\", \"0.0.0.0/0\" ]");
    }

    @Test
    void wordDiffMarksOnlyWhatChangedAndJoinsBackToTheTexts() {
        WordDiff.Sides sides = WordDiff.compare("\"Action\": \"s3:GetObject\", \"Effect\": \"Allow\"",
                "\"Action\": \"s3:*\", \"Effect\": \"Allow\"");

        assertThat(sides.expected()).filteredOn(WordDiff.Part::changed).extracting(WordDiff.Part::text).containsExactly("s3:GetObject");
        assertThat(sides.actual()).filteredOn(WordDiff.Part::changed).extracting(WordDiff.Part::text).containsExactly("s3:*");
        assertThat(String.join("", sides.expected().stream().map(WordDiff.Part::text).toList()))
                .isEqualTo("\"Action\": \"s3:GetObject\", \"Effect\": \"Allow\"");
    }

    @Test
    void detailShowsTheFirstDifferenceSideBySideAndOffersCommands() {
        FindingDetailViewModel detail = new FindingDetailViewModel();
        Finding changed = new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-1", "aws_security_group.web", "1",
                "eu-west-1", "s", List.of(new AttributeDiff(List.of("ingress", "0", "cidr_blocks"), "[\"10.0.0.0/8\"]",
                "[\"0.0.0.0/0\"]", DiffKind.CHANGED)), null);

        detail.findingProperty().set(changed);

        assertThat(detail.selectedPathProperty().get()).isEqualTo("ingress[0].cidr_blocks");
        assertThat(detail.sidesProperty().get().expected()).anyMatch(p -> p.changed() && p.text().contains("10.0.0.0/8"));
        assertThat(detail.sidesProperty().get().actual()).anyMatch(p -> p.changed() && p.text().contains("0.0.0.0/0"));
        assertThat(detail.importCommandProperty().get()).isEmpty();
        assertThat(detail.cliCommandProperty().get()).isEqualTo("aws ec2 describe-security-groups --group-ids sg-1 --region eu-west-1");
        assertThat(detail.consoleUrlProperty().get()).contains("eu-west-1").contains("groupId=sg-1");
    }

    @Test
    void importBlockOnlyForUnmanagedWithTheImportIdAndASuggestedAddress() {
        FindingDetailViewModel detail = new FindingDetailViewModel();
        Finding queue = finding(FindingStatus.UNMANAGED, "aws_sqs_queue", "arn:aws:sqs:eu-west-1:1:orders", "eu-west-1")
                .withImportTarget(ImportTarget.importable("https://sqs.eu-west-1.amazonaws.com/1/orders", "orders"));
        Finding refused = finding(FindingStatus.UNMANAGED, "aws_iam_group_membership", "admins", "global")
                .withImportTarget(ImportTarget.refused("admins", "the provider cannot import it"));

        detail.findingProperty().set(queue);
        assertThat(detail.importCommandProperty().get()).isEqualTo("""
                import {
                  to = aws_sqs_queue.orders
                  id = "https://sqs.eu-west-1.amazonaws.com/1/orders"
                }
                """);
        detail.findingProperty().set(refused);
        assertThat(detail.importCommandProperty().get())
                .isEqualTo("# aws_iam_group_membership.admins (admins): the provider cannot import it\n");
        detail.findingProperty().set(finding(FindingStatus.CHANGED, "aws_s3_bucket", "b", "global"));
        assertThat(detail.importCommandProperty().get()).isEmpty();
    }

    @Test
    void cliCommandsPerTypeWithRegionOnlyWhereAwsWantsOne() {
        assertThat(ResourceCommands.awsCli(finding(FindingStatus.CHANGED, "aws_instance", "i-0abc", "eu-west-1")))
                .isEqualTo("aws ec2 describe-instances --instance-ids i-0abc --region eu-west-1");
        assertThat(ResourceCommands.awsCli(finding(FindingStatus.CHANGED, "aws_iam_role", "deployer", "global")))
                .isEqualTo("aws iam get-role --role-name deployer");
        assertThat(ResourceCommands.awsCli(finding(FindingStatus.CHANGED, "aws_s3_bucket_policy", "assets", "global")))
                .isEqualTo("aws s3api get-bucket-policy --bucket assets");
        assertThat(ResourceCommands.awsCli(finding(FindingStatus.CHANGED, "aws_route53_record", "Z1_www.example.com_A", "global")))
                .isEqualTo("aws route53 list-resource-record-sets --hosted-zone-id Z1 --start-record-name www.example.com "
                        + "--start-record-type A --max-items 1");
        // findings keep the state's alias type (aws_alb_target_group): the command is the aws_lb_target_group one
        assertThat(ResourceCommands.awsCli(finding(FindingStatus.CHANGED, "aws_alb_target_group", "arn:tg", "eu-west-1")))
                .isEqualTo("aws elbv2 describe-target-groups --target-group-arns arn:tg --region eu-west-1");
        assertThat(ResourceCommands.awsCli(finding(FindingStatus.UNMANAGED, "aws_foo_thing", "thing-1", "us-west-2")))
                .startsWith("aws resourcegroupstaggingapi get-resources --query").contains("thing-1").endsWith("--region us-west-2");
        assertThat(ResourceCommands.awsCli(finding(FindingStatus.UNMANAGED, "aws_foo_thing", "arn:aws:foo:us-west-2:1:thing/x", "us-west-2")))
                .isEqualTo("aws resourcegroupstaggingapi get-resources --resource-arn-list arn:aws:foo:us-west-2:1:thing/x --region us-west-2");
    }

    @Test
    void consoleUrlsPerTypeWithAResourceSearchFallback() {
        assertThat(ResourceCommands.consoleUrl(finding(FindingStatus.CHANGED, "aws_instance", "i-0abc", "eu-west-1")))
                .isEqualTo("https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0abc");
        assertThat(ResourceCommands.consoleUrl(finding(FindingStatus.CHANGED, "aws_iam_role", "deployer", "global")))
                .isEqualTo("https://console.aws.amazon.com/iam/home#/roles/details/deployer");
        assertThat(ResourceCommands.consoleUrl(finding(FindingStatus.CHANGED, "aws_foo_thing", "x", null)))
                .isEqualTo("https://us-east-1.console.aws.amazon.com/resource-groups/tag-editor/find-resources?region=us-east-1");
    }
}
