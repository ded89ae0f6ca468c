package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoGaps;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PrivateMoto;
import dev.driftdeck.testing.RecordedEstate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Severity and risks end to end: real Terraform applies the foundation configuration to moto, an operator opens
 * SSH to the world, gives a managed role AdministratorAccess, removes a bucket's public access block, suspends its
 * versioning, renames a tag and creates an administrator by hand; the CLI's JSON grades each drift, and
 * {@code --fail-on} exits 1 only for drift at or above the floor.
 */
@PrivateMoto(awsManagedPolicies = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskEndToEndTest {

    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    @TempDir
    static Path workDir;

    private static Path state;

    @BeforeAll
    static void applyTerraform() throws Exception {
        MotoClients.useFakeCredentialsForDefaultChain();
        state = RecordedEstate.foundationWithManagedPolicies(MotoServer.current(), workDir.resolve("tf"));
    }

    @Test
    @Order(1)
    void eachHandMadeChangeIsGradedWithTheRuleItBreaks() throws Exception {
        List<StateResource> resources = new TfStateParser().parse(state).resources();
        try (var ec2 = MotoClients.ec2(); var s3 = MotoClients.s3(); var iam = MotoClients.iam()) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(idOf(resources, "aws_security_group.web"))
                    .ipPermissions(p -> p.ipProtocol("tcp").fromPort(22).toPort(22)
                            .ipRanges(range -> range.cidrIp("0.0.0.0/0"))));
            iam.attachRolePolicy(r -> r.roleName("app-blue").policyArn(ADMIN));
            s3.deletePublicAccessBlock(r -> r.bucket("driftdeck-fixture-logs"));
            s3.putBucketVersioning(r -> r.bucket("driftdeck-fixture-logs")
                    .versioningConfiguration(v -> v.status("Suspended")));
            ec2.createTags(r -> r.resources(idOf(resources, "aws_vpc.main"))
                    .tags(Tag.builder().key("Name").value("renamed-by-hand").build()));
        }

        Result result = scan("--output", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertGraded(json, "/differences", "aws_security_group", "high", "DD-SG-001");
        assertGraded(json, "/managed", "aws_security_group", "high", "DD-SG-001");
        assertGraded(json, "/unmanaged", "aws_iam_role_policy_attachment", "high", "DD-IAM-003");
        assertGraded(json, "/missing", "aws_s3_bucket_public_access_block", "high", "DD-S3-002");
        assertGraded(json, "/differences", "aws_s3_bucket_versioning", "medium", "DD-S3-008");
        assertGraded(json, "/differences", "aws_vpc", "info");
        JsonNode ssh = entry(json, "/differences", "aws_security_group").at("/res/risks/0");
        assertThat(ssh.get("drift").asText()).isEqualTo("introduced");
        assertThat(ssh.get("refs").toString()).contains("EC2.13");
        assertThat(ssh.get("fix").asText()).isNotBlank();
    }

    @Test
    @Order(2)
    void failOnExitsOneOnlyForDriftAtOrAboveTheFloor() {
        assertThat(scan("--fail-on", "critical").exitCode()).as("the worst drift so far is HIGH").isZero();
        assertThat(scan("--fail-on", "HIGH").exitCode()).isEqualTo(1);
        assertThat(cli("scan", "--state", state.toString(), "--fail-on", "severe").exitCode())
                .as("an unknown severity is a usage error").isEqualTo(2);
    }

    @Test
    @Order(3)
    void anUnmanagedUserWithAdministratorAccessIsCritical() throws Exception {
        try (var iam = MotoClients.iam()) {
            iam.createUser(r -> r.userName("intruder"));
            iam.attachUserPolicy(r -> r.userName("intruder").policyArn(ADMIN));
        }

        Result result = scan("--output", "json", "--fail-on", "critical");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertGraded(json, "/unmanaged", "aws_iam_user_policy_attachment", "critical", "DD-IAM-002");
        assertGraded(json, "/unmanaged", "aws_iam_user", "medium");
    }

    private static void assertGraded(JsonNode json, String list, String type, String severity, String... rules) {
        JsonNode entry = entry(json, list, type);
        JsonNode res = entry.has("res") ? entry.get("res") : entry;
        assertThat(res.get("severity").asText()).as(list + " " + type).isEqualTo(severity);
        List<String> ids = new ArrayList<>();
        res.get("risks").forEach(risk -> ids.add(risk.get("rule").asText()));
        assertThat(ids).as(list + " " + type + " risks").containsExactly(rules);
    }

    private static JsonNode entry(JsonNode json, String list, String type) {
        for (JsonNode entry : json.at(list)) {
            JsonNode res = entry.has("res") ? entry.get("res") : entry;
            if (type.equals(res.get("type").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + list + ": " + json.at(list));
    }

    private static Result scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", MotoServer.current().endpoint(), "--driftignore",
                MotoGaps.ignoreFile(workDir).toString()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    private static String idOf(List<StateResource> resources, String address) {
        return resources.stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow().id();
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
