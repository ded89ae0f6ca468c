package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.CanonicalJson;
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
import dev.driftdeck.testing.RecordedEstate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The walking skeleton end to end: real Terraform's apply of the foundation configuration to moto (recorded by
 * scripts/record-moto-estates.sh and replayed, {@link RecordedEstate}), Driftdeck scans it and finds it in sync; then an operator changes, deletes and adds things by hand, and the scan says exactly that.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanEndToEndTest {

    @TempDir
    static Path workDir;

    private static Path state;
    private static MotoServer moto;
    /** Whether {@link #driftByHand()} ran (it can run once: a second ingress rule or user would be a duplicate). */
    private static boolean drifted;

    @BeforeAll
    static void applyTerraform() throws Exception {
        moto = MotoServer.shared();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        state = RecordedEstate.foundation(moto, workDir.resolve("tf"));
    }

    @Test
    @Order(1)
    void freshlyAppliedStateIsInSyncThenHandMadeChangesAreFoundExactly() throws Exception {
        Result clean = cli("scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint(), "--output", "json");

        assertThat(clean.exitCode()).as(clean.err()).isEqualTo(0);
        JsonNode cleanJson = new ObjectMapper().readTree(clean.out());
        // 21 with the access key and the secret version, checked since their types are supported
        assertThat(cleanJson.at("/summary/total_managed").asInt()).isEqualTo(21);
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

    /**
     * The CLI's JSON report and the core {@link ScanService} see the same findings on the same state and the same
     * moto: status, type, id, address, account, region and every attribute difference. Runs after the drift test,
     * so the comparison covers changed, missing and unmanaged resources, not only resources in sync.
     */
    @Test
    @Order(2)
    void theCoreScanServiceSeesTheSameAsTheCli() throws Exception {
        if (!drifted) {
            driftByHand();
        }
        Result cli = cli("scan", "--state", state.toString(), "--region", "us-east-1",
                "--endpoint-url", moto.endpoint(), "--output", "json");
        ScanReport core = ScanService.standard(Clock.systemUTC()).scan(
                new ScanRequest(List.of(state.toString()), List.of("us-east-1"), null, moto.endpoint(), false, null),
                ScanProgress.Listener.NONE, () -> false);

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        List<Seen> byCore = core.findings().stream().map(Seen::of).toList();
        assertThat(byCore).extracting(Seen::status)
                .as("the comparison covers drift, not only resources in sync")
                .contains(FindingStatus.IN_SYNC, FindingStatus.CHANGED, FindingStatus.MISSING, FindingStatus.UNMANAGED);
        assertThat(byCore).filteredOn(seen -> seen.status() == FindingStatus.CHANGED)
                .allSatisfy(seen -> assertThat(seen.diffs()).isNotEmpty());
        assertThat(Seen.inJsonReport(new ObjectMapper().readTree(cli.out())))
                .containsExactlyInAnyOrderElementsOf(byCore);
        assertThat(core.accounts()).containsExactly(MotoClients.ACCOUNT);
    }

    /** What a finding says, as the JSON report can say it: a diff's values as canonical JSON ("null" for none). */
    private record Seen(FindingStatus status, String type, String id, String address, String account, String region,
                        List<SeenDiff> diffs) {

        record SeenDiff(String kind, List<String> path, String from, String to) {
        }

        static Seen of(Finding finding) {
            return new Seen(finding.status(), finding.type(), finding.id(), finding.address(), finding.account(),
                    finding.region(), finding.diffs().stream()
                    .map(diff -> new SeenDiff(switch (diff.kind()) {
                        case ADDED -> "create";
                        case REMOVED -> "delete";
                        case CHANGED -> "update";
                    }, diff.path(), canonical(diff.expected()), canonical(diff.actual())))
                    .toList());
        }

        private static String canonical(String json) {
            return CanonicalJson.render(json == null ? null : CanonicalJson.parse(json));
        }

        /**
         * The findings of a JSON report: {@code managed} is IN_SYNC unless {@code differences} lists it (CHANGED,
         * with its changelog); {@code unmanaged}, {@code missing}, {@code ignored}; {@code not_checked} entries that
         * name a resource (the others are failed listings, not findings).
         */
        static List<Seen> inJsonReport(JsonNode report) {
            Map<String, List<SeenDiff>> changelogs = new HashMap<>();
            for (JsonNode difference : report.get("differences")) {
                List<SeenDiff> diffs = new ArrayList<>();
                for (JsonNode change : difference.get("changelog")) {
                    List<String> path = new ArrayList<>();
                    change.get("path").forEach(segment -> path.add(segment.asText()));
                    diffs.add(new SeenDiff(change.get("type").asText(), path,
                            CanonicalJson.render(CanonicalJson.fromTree(change.get("from"))),
                            CanonicalJson.render(CanonicalJson.fromTree(change.get("to")))));
                }
                changelogs.put(key(difference.get("res")), diffs);
            }
            List<Seen> seen = new ArrayList<>();
            for (JsonNode managed : report.get("managed")) {
                List<SeenDiff> diffs = changelogs.remove(key(managed));
                seen.add(entry(diffs == null ? FindingStatus.IN_SYNC : FindingStatus.CHANGED, managed,
                        diffs == null ? List.of() : diffs));
            }
            assertThat(changelogs).as("differences of resources the report does not list as managed").isEmpty();
            report.get("unmanaged").forEach(node -> seen.add(entry(FindingStatus.UNMANAGED, node, List.of())));
            report.get("missing").forEach(node -> seen.add(entry(FindingStatus.MISSING, node, List.of())));
            report.get("ignored").forEach(node -> seen.add(entry(FindingStatus.IGNORED, node, List.of())));
            for (JsonNode notChecked : report.get("not_checked")) {
                if (notChecked.has("id")) {
                    seen.add(entry(FindingStatus.NOT_CHECKED, notChecked, List.of()));
                }
            }
            return seen;
        }

        private static Seen entry(FindingStatus status, JsonNode node, List<SeenDiff> diffs) {
            return new Seen(status, text(node, "type"), text(node, "id"), text(node, "address"), text(node, "account"),
                    text(node, "region"), diffs);
        }

        private static String key(JsonNode resource) {
            return text(resource, "type") + " " + text(resource, "id");
        }

        private static String text(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asText() : null;
        }
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
        drifted = true;
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
