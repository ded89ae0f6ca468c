package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.RecordedEstate;
import dev.driftdeck.testing.TrailFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who changed it, end to end: real Terraform applies the foundation configuration to moto, the IAM user alice opens
 * SSH on the web group to the world, and the trail (moto lacks CloudTrail's recording, so its log file is written as
 * CloudTrail delivers one) holds her console call. {@code scan --cloudtrail s3://.../} names her in the JSON report.
 */
class WhoChangedEndToEndTest {

    private static final String TRAIL_BUCKET = "driftdeck-e2e-trail";

    @TempDir
    static Path workDir;

    private static Path state;
    private static MotoServer moto;
    private static String aliceArn;

    @BeforeAll
    static void applyTerraformThenAliceOpensTheGroup() throws Exception {
        moto = MotoServer.shared();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        state = RecordedEstate.foundation(moto, workDir.resolve("tf"));
        List<StateResource> resources = new TfStateParser().parse(state).resources();
        String groupId = resources.stream().filter(r -> r.address().equals("aws_security_group.web")).findFirst()
                .orElseThrow().id();
        Instant opened = Instant.now().minus(Duration.ofMinutes(40));
        try (var iam = MotoClients.iam(); var ec2 = MotoClients.ec2(); var s3 = MotoClients.s3()) {
            aliceArn = iam.createUser(r -> r.userName("alice")).user().arn();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            s3.createBucket(r -> r.bucket(TRAIL_BUCKET));
            TrailFiles.put(s3, TRAIL_BUCKET, TrailFiles.key("", null, MotoClients.ACCOUNT, MotoClients.REGION,
                    opened.plus(Duration.ofMinutes(5))), List.of(TrailFiles.securityGroupEvent("e2e-1", aliceArn,
                    "alice", "AuthorizeSecurityGroupIngress", opened, TrailFiles.CONSOLE, groupId)));
        }
    }

    @Test
    void theJsonReportNamesAliceViaConsoleOnTheOpenedGroup() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(new String[]{"scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint(), "--cloudtrail", "s3://" + TRAIL_BUCKET + "/", "--output", "json"},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode changedBy = null;
        for (JsonNode difference : json.get("differences")) {
            if ("aws_security_group.web".equals(difference.at("/res/address").asText())) {
                changedBy = difference.at("/res/changed_by");
            }
        }
        assertThat(changedBy).as(json.get("differences").toString()).isNotNull().hasSize(1);
        assertThat(changedBy.get(0).get("principal").asText()).isEqualTo(aliceArn).endsWith("user/alice");
        assertThat(changedBy.get(0).get("via").asText()).isEqualTo("console");
        assertThat(changedBy.get(0).get("event").asText()).isEqualTo("AuthorizeSecurityGroupIngress");
        assertThat(changedBy.get(0).get("source_ip").asText()).isEqualTo("198.51.100.23");
        assertThat(changedBy.get(0).get("user_agent").asText()).isEqualTo(TrailFiles.CONSOLE);
        for (JsonNode managed : json.get("managed")) {
            assertThat(managed.get("changed_by")).as("present on every finding, [] when none").isNotNull();
        }
        assertThat(json.at("/api_calls/s3").asLong()).as("the trail's files are read with the scan's budget counted")
                .isPositive();
    }

    @Test
    void theConsoleReportNamesAliceUnderTheOpenedGroup() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(new String[]{"scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint(), "--cloudtrail", "s3://" + TRAIL_BUCKET + "/", "--output", "console"},
                new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(err.toString()).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        int group = lines.indexOf(lines.stream().filter(line -> line.contains("aws_security_group.web (sg-"))
                .findFirst().orElseThrow(() -> new AssertionError(out.toString())));
        List<String> underTheGroup = lines.subList(group + 1, lines.size()).stream()
                .takeWhile(line -> line.startsWith("      ")).toList();
        assertThat(underTheGroup).as(out.toString()).anyMatch(line -> line.matches(
                "      changed by alice via console, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(AuthorizeSecurityGroupIngress\\)"));
    }
}
