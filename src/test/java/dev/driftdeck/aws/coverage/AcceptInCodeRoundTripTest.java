package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.fix.AcceptInCode;
import dev.driftdeck.fix.FixSnippet;
import dev.driftdeck.fix.MissingActions;
import dev.driftdeck.testing.HclPaste;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PrivateMoto;
import dev.driftdeck.testing.TerraformApply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The remediation snippets against real Terraform: {@code fixtures/terraform/remediation} applied to moto, changed
 * out of band, scanned; Driftdeck's "accept in code" fragments pasted over the arguments and the "forget" removed {}
 * block for the deleted queue make {@code terraform plan} change nothing, create nothing and destroy nothing.
 */
@PrivateMoto
class AcceptInCodeRoundTripTest {

    private static final String GROUP = "aws_security_group.web";
    private static final String VERSIONING = "aws_s3_bucket_versioning.logs";
    private static final String QUEUE = "aws_sqs_queue.jobs";
    private static final String RETIRED = "aws_sqs_queue.retired";

    @Test
    void acceptingTheLiveValuesInCodeAndForgettingTheDeletedQueueLeavesNothingToPlan() throws Exception {
        CoverageFixture fixture = CoverageFixture.apply("remediation");
        try (Ec2Client ec2 = MotoClients.ec2(); S3Client s3 = MotoClients.s3();
             SqsClient sqs = MotoClients.of(SqsClient.builder())) {
            String group = fixture.id(GROUP);
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0")).build()));
            ec2.createTags(r -> r.resources(group).tags(t -> t.key("Team").value("payments"),
                    t -> t.key("Environment").value("prod")));
            s3.putBucketVersioning(r -> r.bucket(fixture.id(VERSIONING))
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
            sqs.setQueueAttributes(r -> r.queueUrl(fixture.attribute(QUEUE, "url"))
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "120")));
            sqs.deleteQueue(r -> r.queueUrl(fixture.attribute(RETIRED, "url")));
        }

        ScanReport report = fixture.scan();

        Map<String, Finding> drift = new TreeMap<>();
        report.findings().stream().filter(f -> f.address() != null && f.status() != FindingStatus.IN_SYNC)
                .forEach(f -> drift.put(f.address(), f));
        assertThat(drift.keySet()).containsExactly(VERSIONING, GROUP, QUEUE, RETIRED);
        assertThat(drift.get(RETIRED).status()).isEqualTo(FindingStatus.MISSING);

        // without the snippets, Terraform would change the drifted three back and create the deleted queue again
        assertThat(planned(fixture)).containsEntry(GROUP, "[\"update\"]").containsEntry(VERSIONING, "[\"update\"]")
                .containsEntry(QUEUE, "[\"update\"]").containsEntry(RETIRED, "[\"create\"]");

        Path config = fixture.state.resolveSibling("resources.tf");
        String edited = Files.readString(config);
        for (String address : List.of(GROUP, VERSIONING, QUEUE)) {
            edited = HclPaste.paste(edited, AcceptInCode.hcl(drift.get(address)));
        }
        FixSnippet forget = MissingActions.forget(RETIRED);
        assertThat(forget.language()).isEqualTo(FixSnippet.HCL);
        edited = edited.replaceAll("(?s)resource \"aws_sqs_queue\" \"retired\" \\{.*?\n}\n", "") + "\n" + forget.text();
        Files.writeString(config, edited);

        assertThat(planned(fixture)).as("terraform plan after pasting:\n%s", edited)
                .containsEntry(GROUP, "[\"no-op\"]").containsEntry(VERSIONING, "[\"no-op\"]")
                .containsEntry(QUEUE, "[\"no-op\"]")
                .allSatisfy((address, action) -> assertThat(action).as(address).isIn("[\"no-op\"]", "[\"forget\"]"));
    }

    /** What {@code terraform plan} would do, by address: {@code ["no-op"]}, {@code ["update"]}, {@code ["create"]}... */
    private static Map<String, String> planned(CoverageFixture fixture) throws Exception {
        JsonNode plan = JsonMapper.builder().build()
                .readTree(TerraformApply.planJson(fixture.state.getParent(), MotoServer.current().endpoint()));
        Map<String, String> actions = new TreeMap<>();
        plan.path("resource_changes").forEach(change ->
                actions.put(change.path("address").asText(), change.path("change").path("actions").toString()));
        return actions;
    }
}
