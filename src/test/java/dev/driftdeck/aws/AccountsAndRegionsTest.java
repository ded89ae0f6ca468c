package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.scan.AccountTarget;
import dev.driftdeck.scan.ScanProgress;
import dev.driftdeck.scan.ScanRequest;
import dev.driftdeck.scan.ScanService;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Several regions and several accounts in one scan. moto keeps one world per account: credentials from AssumeRole
 * act in the role's account, so assuming a role in 111111111111 reaches a second, separate account.
 */
class AccountsAndRegionsTest {

    private static final String OTHER_ACCOUNT = "111111111111";
    private static final String ROLE = "arn:aws:iam::" + OTHER_ACCOUNT + ":role/driftdeck-scanner";

    private String homeVpc;
    private String europeVpc;
    private String otherAccountVpc;

    @BeforeEach
    void createOneVpcPerAccountAndRegion() {
        MotoServer.shared().reset();
        try (Ec2Client home = MotoClients.ec2(); Ec2Client europe = regional("eu-west-1", MotoClients.CREDENTIALS)) {
            homeVpc = home.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            europeVpc = europe.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        }
        Credentials assumed;
        try (StsClient sts = MotoClients.of(StsClient.builder())) {
            assumed = sts.assumeRole(r -> r.roleArn(ROLE).roleSessionName("operator").externalId("ext-1")).credentials();
        }
        var other = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                assumed.accessKeyId(), assumed.secretAccessKey(), assumed.sessionToken()));
        try (Ec2Client ec2 = regional(MotoClients.REGION, other)) {
            otherAccountVpc = ec2.createVpc(r -> r.cidrBlock("10.3.0.0/16")).vpc().vpcId();
        }
    }

    @Test
    void regionalTypesAreListedPerRegionAndGlobalTypesOnce() {
        List<Collector> collectors = Collectors.forTypes(List.of("aws_vpc", "aws_iam_role", "aws_s3_bucket"));
        LiveInventory inventory;
        try (AwsSession session = MotoAws.session()) {
            inventory = new AwsScanner().scan(session, List.of("us-east-1", "eu-west-1"), collectors, false);
        }

        assertThat(inventory.outcomes()).extracting(o -> o.scope().type() + "@" + o.scope().region())
                .containsExactlyInAnyOrder("aws_vpc@us-east-1", "aws_vpc@eu-west-1", "aws_iam_role@global",
                        "aws_s3_bucket@global");
        assertThat(listed(inventory, "aws_vpc", "us-east-1")).extracting(LiveResource::id).containsExactly(homeVpc);
        assertThat(listed(inventory, "aws_vpc", "eu-west-1")).extracting(LiveResource::id).containsExactly(europeVpc);
        assertThat(inventory.apiCalls()).containsEntry("ec2", 2L).containsEntry("sts", 1L);
    }

    @Test
    void twoAccountsOneThroughAnAssumedRoleWithExternalIdCarryTheirAccountOnEveryFinding(@TempDir Path dir)
            throws Exception {
        Path state = dir.resolve("empty.tfstate");
        Files.writeString(state, "{\"version\":4,\"terraform_version\":\"1.11.4\",\"serial\":1,\"lineage\":\"x\","
                + "\"outputs\":{},\"resources\":[]}");
        List<AwsTarget> targets = new ArrayList<>();
        List<ScanProgress> progress = new ArrayList<>();
        ScanService service = new ScanService(Clock.systemUTC(), new dev.driftdeck.state.StateLoader(), target -> {
            targets.add(target);
            return AwsSession.open(target, MotoClients.CREDENTIALS, MotoAws.FAST);
        }, new AwsScanner());

        ScanReport report = service.scan(new ScanRequest(List.of(state.toString()), List.of("us-east-1"), null,
                        MotoServer.shared().endpoint(), false, null,
                        List.of(new AccountTarget(null, null, null), new AccountTarget(null, ROLE, "ext-1"))),
                progress::add, () -> false);

        assertThat(targets).extracting(AwsTarget::roleArn).containsExactly(null, ROLE);
        assertThat(targets).extracting(AwsTarget::externalId).containsExactly(null, "ext-1");
        assertThat(report.accounts()).containsExactly(MotoClients.ACCOUNT, OTHER_ACCOUNT);
        assertThat(report.findings()).filteredOn(f -> f.type().equals("aws_vpc"))
                .extracting(f -> f.account() + "/" + f.id())
                .containsExactlyInAnyOrder(MotoClients.ACCOUNT + "/" + homeVpc, OTHER_ACCOUNT + "/" + otherAccountVpc);
        assertThat(report.findings()).extracting(Finding::account).doesNotContainNull();
        // One progress event per (account, region, type) scope, each naming it.
        int scopesPerAccount = (int) Collectors.all().stream().count();
        assertThat(progress).filteredOn(p -> p.message().startsWith("Listed") || p.message().startsWith("Could not list"))
                .hasSize(2 * scopesPerAccount)
                .anySatisfy(p -> assertThat(p.message()).contains("aws_vpc", OTHER_ACCOUNT, "us-east-1"));
        assertThat(progress).extracting(ScanProgress::fraction).isSorted();
    }

    private static List<LiveResource> listed(LiveInventory inventory, String type, String region) {
        return inventory.outcomes().stream()
                .filter(o -> o.scope().type().equals(type) && o.scope().region().equals(region))
                .map(o -> ((ListingOutcome.Listed) o).resources()).findFirst().orElseThrow();
    }

    private static Ec2Client regional(String region, software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        return Ec2Client.builder().region(Region.of(region)).credentialsProvider(credentials)
                .endpointOverride(java.net.URI.create(MotoServer.shared().endpoint())).build();
    }

}
