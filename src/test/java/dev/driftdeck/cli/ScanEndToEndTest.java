package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.scan.ScanRequest;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.TerraformApply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The walking skeleton end to end: real Terraform applies the foundation configuration to moto, Driftdeck scans it
 * and finds it in sync; then an operator changes, deletes and adds things by hand, and the scan says exactly that.
 */
class ScanEndToEndTest {

    @TempDir
    static Path workDir;

    private static Path state;
    private static MotoServer moto;

    @BeforeAll
    static void applyTerraform() throws Exception {
        moto = MotoServer.shared();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        state = TerraformApply.apply("foundation", moto.endpoint(), workDir.resolve("tf"));
    }

    @Test
    void freshlyAppliedStateIsInSyncThenHandMadeChangesAreFoundExactly() throws Exception {
        Result clean = cli("scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint(), "--output", "json");

        assertThat(clean.exitCode()).as(clean.err()).isEqualTo(0);
        JsonNode cleanJson = new ObjectMapper().readTree(clean.out());
        // 20 with the access key, checked since aws_iam_access_key is supported
        assertThat(cleanJson.at("/summary/total_managed").asInt()).isEqualTo(20);
        assertThat(cleanJson.at("/summary/total_changed").asInt()).isZero();
        assertThat(cleanJson.at("/summary/total_missing").asInt()).isZero();
        assertThat(cleanJson.at("/summary/total_unmanaged").asInt()).isZero();
        assertThat(cleanJson.at("/coverage").asInt()).isEqualTo(100);

        driftByHand();
        Path db = workDir.resolve("db/driftdeck");
        Result drifted = cli("scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint(), "--output", "json", "--db", db.toString());

        assertThat(drifted.exitCode()).as(drifted.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(drifted.out());
        assertThat(json.at("/summary/total_changed").asInt()).isEqualTo(2);
        assertThat(json.at("/missing/0/address").asText()).isEqualTo("aws_s3_bucket_policy.logs");
        assertThat(json.at("/unmanaged/0/id").asText()).isEqualTo("intruder");
        assertThat(json.at("/unmanaged/0/type").asText()).isEqualTo("aws_iam_user");
        // 19 managed (20 minus the deleted policy), 1 unmanaged, 1 missing
        assertThat(json.at("/coverage").asInt()).isEqualTo(19 * 100 / 21);

        try (Database database = Database.open(db)) {
            ScanRepository scans = new ScanRepository(database);
            ScanReport stored = scans.load(scans.latest().orElseThrow().id()).orElseThrow();
            assertDriftFindings(stored);
        }
    }

    @Test
    void theCoreScanServiceSeesTheSameAsTheCli() {
        ScanReport report = ScanService.standard(Clock.systemUTC()).scan(
                new ScanRequest(List.of(state.toString()), List.of("us-east-1"), null, moto.endpoint(), false, null),
                ScanProgress.Listener.NONE, () -> false);

        // Runs after or before the drift test: either way every supported resource is either in sync or drifted
        // exactly as the operator left it, and nothing is missing that the operator did not delete.
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.MISSING)
                .extracting(Finding::address).isSubsetOf("aws_s3_bucket_policy.logs");
        assertThat(report.accounts()).containsExactly(MotoClients.ACCOUNT);
        assertThat(report.apiCalls()).containsKeys("ec2", "iam", "s3", "sts");
    }

    private static void assertDriftFindings(ScanReport report) {
        assertThat(report.findings())
                .filteredOn(f -> f.status() != FindingStatus.IN_SYNC && f.status() != FindingStatus.NOT_CHECKED)
                .extracting(Finding::status, Finding::type, Finding::address)
                .containsExactlyInAnyOrder(
                        tuple(FindingStatus.CHANGED, "aws_vpc", "aws_vpc.main"),
                        tuple(FindingStatus.CHANGED, "aws_security_group", "aws_security_group.web"),
                        tuple(FindingStatus.MISSING, "aws_s3_bucket_policy", "aws_s3_bucket_policy.logs"),
                        tuple(FindingStatus.UNMANAGED, "aws_iam_user", null));
        Finding vpc = report.findings().stream().filter(f -> "aws_vpc.main".equals(f.address())).findFirst().orElseThrow();
        assertThat(vpc.diffs()).extracting(AttributeDiff::dottedPath, AttributeDiff::expected, AttributeDiff::actual)
                .containsExactly(tuple("tags.Name", "\"driftdeck-fixture\"", "\"renamed-by-hand\""));
        Finding group = report.findings().stream()
                .filter(f -> "aws_security_group.web".equals(f.address())).findFirst().orElseThrow();
        assertThat(group.diffs()).singleElement().satisfies(diff -> {
            assertThat(diff.dottedPath()).isEqualTo("ingress");
            assertThat(diff.actual()).contains("10.9.0.0/16").contains("\"from_port\":22");
            assertThat(diff.expected()).doesNotContain("10.9.0.0/16");
        });
    }

    private static void driftByHand() throws Exception {
        List<StateResource> resources = new TfStateParser().parse(state).resources();
        String vpcId = idOf(resources, "aws_vpc.main");
        String groupId = idOf(resources, "aws_security_group.web");
        try (var ec2 = MotoClients.ec2(); var s3 = MotoClients.s3(); var iam = MotoClients.iam()) {
            ec2.createTags(r -> r.resources(vpcId).tags(Tag.builder().key("Name").value("renamed-by-hand").build()));
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p
                    .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp("10.9.0.0/16"))));
            s3.deleteBucketPolicy(r -> r.bucket("driftdeck-fixture-logs"));
            iam.createUser(r -> r.userName("intruder"));
        }
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
