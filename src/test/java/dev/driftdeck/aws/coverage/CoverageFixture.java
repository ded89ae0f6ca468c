package dev.driftdeck.aws.coverage;

import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsScanner;
import dev.driftdeck.aws.SessionOptions;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.scan.ScanRequest;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.TfStateParser;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoGaps;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.TerraformApply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code fixtures/terraform/coverage} configuration (or another one there) applied once by real Terraform against moto, and scans of it
 * the way the product runs them (ScanService, a real session). Findings are rendered as sortable lines so a test
 * can assert the exact set: {@code CHANGED aws_vpc.main[0] tags.Name}, {@code MISSING aws_vpc.main[1]},
 * {@code UNMANAGED aws_vpc vpc-123}.
 */
final class CoverageFixture {

    final Path state;
    final Map<String, StateResource> byAddress;
    final List<AwsSession> sessions = new ArrayList<>();

    private CoverageFixture(Path state) throws Exception {
        this.state = state;
        this.byAddress = new TfStateParser().parse(state).resources().stream()
                .collect(Collectors.toMap(StateResource::address, Function.identity()));
    }

    static CoverageFixture apply() throws Exception {
        return apply("coverage");
    }

    /** Applies another configuration under {@code fixtures/terraform/} the same way, on a reset moto. */
    static CoverageFixture apply(String config) throws Exception {
        return apply(config, () -> { });
    }

    /** As {@link #apply(String)}, with {@code beforeApply} making what the configuration reads (data sources) first. */
    static CoverageFixture apply(String config, Runnable beforeApply) throws Exception {
        MotoServer.current().reset();
        beforeApply.run();
        Path work = Files.createTempDirectory(config + "-tf-");
        return new CoverageFixture(TerraformApply.apply(config, MotoServer.current().endpoint(), work));
    }

    /**
     * As {@link #apply(String)}, without the refresh that follows it: the state exactly as a first apply leaves it.
     * {@link #refreshed()} then refreshes it as {@link #apply(String)} would have.
     */
    static CoverageFixture applyWithoutRefresh(String config) throws Exception {
        MotoServer.current().reset();
        Path work = Files.createTempDirectory(config + "-tf-");
        return new CoverageFixture(TerraformApply.applyWithoutRefresh(config, MotoServer.current().endpoint(), work));
    }

    /** The same configuration after {@code terraform apply -refresh-only}: the state read back from AWS. */
    CoverageFixture refreshed() throws Exception {
        TerraformApply.refresh(state.getParent(), MotoServer.current().endpoint());
        return new CoverageFixture(state);
    }

    /** The state id of a resource, e.g. {@code id("aws_vpc.main[0]")}. */
    String id(String address) {
        return attribute(address, "id");
    }

    String attribute(String address, String name) {
        StateResource resource = byAddress.get(address);
        if (resource == null) {
            throw new IllegalArgumentException("no " + address + " in the coverage state");
        }
        return String.valueOf(resource.attributes().get(name));
    }

    ScanReport scan() {
        return scan(false);
    }

    /** A scan of the state; {@code strict} keeps AWS's default resources as {@code --strict} does. */
    ScanReport scan(boolean strict) {
        ScanService service = new ScanService(Clock.systemUTC(), new dev.driftdeck.state.StateLoader(), target -> {
            AwsSession session = AwsSession.open(target, MotoClients.CREDENTIALS,
                    new SessionOptions(2, Duration.ofSeconds(2), Duration.ofSeconds(30)));
            sessions.add(session);
            return session;
        }, new AwsScanner());
        return service.scan(new ScanRequest(List.of(state.toString()), List.of(MotoClients.REGION), null,
                MotoServer.current().endpoint(), strict, MotoGaps.ignoreFile(state.getParent())),
                ScanProgress.Listener.NONE, () -> false);
    }

    /**
     * The AWS operations the fixture's scans called that are not read-only or whose IAM action no collector declares
     * (STS needs no permission): empty when {@code docs/iam-policy.json} covers every call.
     */
    List<String> undeclaredOrWriteOperations() {
        java.util.Set<String> declared = new java.util.HashSet<>(
                dev.driftdeck.aws.IamActions.declared(dev.driftdeck.aws.Collectors.all()));
        declared.addAll(dev.driftdeck.aws.IamActions.ATTRIBUTION); // who changed the drift: LookupEvents, a read
        List<String> operations = new ArrayList<>();
        sessions.forEach(session -> operations.addAll(session.counter().operations()));
        if (operations.isEmpty()) {
            throw new IllegalStateException("no scan of the fixture called AWS");
        }
        return operations.stream()
                .filter(operation -> !operation.matches("[a-z0-9-]+:(Describe|List|Get|Head|Lookup)\\w+")
                        || !operation.startsWith("sts:")
                        && !declared.contains(dev.driftdeck.aws.IamActions.forOperation(operation)))
                .distinct().toList();
    }

    /** Every finding that is not IN_SYNC, one line per CHANGED attribute path. */
    static TreeSet<String> drift(ScanReport report) {
        TreeSet<String> lines = new TreeSet<>();
        for (Finding finding : report.findings()) {
            if (finding.status() == FindingStatus.IN_SYNC) {
                continue;
            }
            String who = finding.address() != null ? finding.address() : finding.type() + " " + finding.id();
            if (finding.status() == FindingStatus.CHANGED) {
                finding.diffs().forEach(diff -> lines.add("CHANGED " + who + " " + String.join(".", diff.path())));
            } else {
                lines.add(finding.status() + " " + who);
            }
        }
        return lines;
    }
}
