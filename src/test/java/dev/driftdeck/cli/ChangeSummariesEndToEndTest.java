package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoGaps;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.RecordedEstate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * What a drift means, end to end: real Terraform applies the foundation configuration to moto, an operator opens
 * SSH to the world on the web group, renames the VPC's Name tag and suspends the log bucket's versioning by hand, and
 * the CLI's JSON report says exactly that in each changelog entry's summary, beside driftctl's untouched from/to.
 */
class ChangeSummariesEndToEndTest {

    @TempDir
    static Path workDir;

    private static Path state;
    private static MotoServer moto;

    @BeforeAll
    static void applyTerraformThenDriftByHand() throws Exception {
        moto = MotoServer.shared();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        state = RecordedEstate.foundation(moto, workDir.resolve("tf"));
        List<StateResource> resources = new TfStateParser().parse(state).resources();
        String vpcId = idOf(resources, "aws_vpc.main");
        String groupId = idOf(resources, "aws_security_group.web");
        try (var ec2 = MotoClients.ec2(); var s3 = MotoClients.s3()) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            ec2.createTags(r -> r.resources(vpcId).tags(Tag.builder().key("Name").value("renamed-by-hand").build()));
            s3.putBucketVersioning(r -> r.bucket("driftdeck-fixture-logs")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        }
    }

    @Test
    void theJsonReportSaysWhatEachChangeMeans() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(new String[]{"scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint(), "--output", "json", "--driftignore",
                MotoGaps.ignoreFile(workDir).toString()}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(summaries(json, "aws_security_group.web")).containsExactly("ingress added: tcp 22 from 0.0.0.0/0");
        assertThat(summaries(json, "aws_vpc.main")).as("only the tag changed")
                .containsExactly("tag Name changed: driftdeck-fixture → renamed-by-hand");
        assertThat(summaries(json, "aws_s3_bucket_versioning.logs"))
                .containsExactly("versioning_configuration.status Enabled → Suspended");
        JsonNode ingress = changelog(json, "aws_security_group.web").get(0);
        assertThat(ingress.get("path").get(0).asText()).isEqualTo("ingress");
        assertThat(ingress.get("from")).as("driftctl's from/to unchanged: the raw rule lists").hasSize(1);
        assertThat(ingress.get("to")).hasSize(2);
    }

    @Test
    void theConsoleOutputPrintsOneMarkedLinePerChange() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(new String[]{"scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint(), "--driftignore",
                MotoGaps.ignoreFile(workDir).toString()}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(out.toString().lines().map(String::strip).toList()).contains(
                "+ ingress added: tcp 22 from 0.0.0.0/0",
                "~ tag Name changed: driftdeck-fixture → renamed-by-hand",
                "~ versioning_configuration.status Enabled → Suspended");
    }

    private static List<String> summaries(JsonNode report, String address) {
        List<String> summaries = new ArrayList<>();
        changelog(report, address).forEach(change -> summaries.add(change.get("summary").asText()));
        return summaries;
    }

    private static JsonNode changelog(JsonNode report, String address) {
        for (JsonNode difference : report.get("differences")) {
            if (address.equals(difference.at("/res/address").asText())) {
                return difference.get("changelog");
            }
        }
        throw new AssertionError(address + " has no differences in " + report.get("differences"));
    }

    private static String idOf(List<StateResource> resources, String address) {
        return resources.stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow().id();
    }
}
