package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.testing.MotoGaps;
import dev.driftdeck.testing.MotoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Failures stay inside their scope. WireMock sits in front of the real moto and answers chosen operations with
 * the errors AWS sends; everything else is proxied through.
 */
class AwsScannerFailureTest {

    private static final String EC2_UNAUTHORIZED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors>"
            + "<Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation."
            + "</Message></Error></Errors><RequestID>r-1</RequestID></Response>";
    private static final String EC2_THROTTLED = EC2_UNAUTHORIZED
            .replace("UnauthorizedOperation", "RequestLimitExceeded").replace("You are not authorized", "Slow down");
    private static final String S3_ACCESS_DENIED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error>"
            + "<Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>r-2</RequestId></Error>";

    private WireMockServer proxy;
    private String vpcId;

    @BeforeEach
    void startProxy() {
        MotoServer.shared().reset();
        try (Ec2Client ec2 = MotoAws.operatorEc2(); S3Client s3 = MotoAws.operatorS3()) {
            vpcId = ec2.createVpc(r -> r.cidrBlock("10.3.0.0/16")).vpc().vpcId();
            s3.createBucket(r -> r.bucket("audit"));
        }
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(MotoAws.endpoint())));
    }

    @AfterEach
    void stopProxy() {
        proxy.stop();
    }

    @Test
    void accessDeniedFailsOnlyItsScopeAndNamesTheIamActionToGrant() {
        proxy.stubFor(post(anyUrl()).atPriority(1)
                .withRequestBody(containing("Action=DescribeSecurityGroups"))
                .willReturn(aResponse().withStatus(403).withBody(EC2_UNAUTHORIZED)));
        proxy.stubFor(get(urlMatching(".*\\?publicAccessBlock.*")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withBody(S3_ACCESS_DENIED)));

        Map<String, ListingOutcome> outcomes = scanThroughProxy();

        ListingOutcome.Failed groups = (ListingOutcome.Failed) outcomes.get("aws_security_group");
        assertThat(groups.iamAction()).isEqualTo("ec2:DescribeSecurityGroups");
        assertThat(groups.reason()).contains("aws_security_group", MotoAws.ACCOUNT, "us-east-1",
                "Grant ec2:DescribeSecurityGroups");
        // The S3 operation is GetPublicAccessBlock; the IAM action an operator grants is spelled differently.
        ListingOutcome.Failed blocks = (ListingOutcome.Failed) outcomes.get("aws_s3_bucket_public_access_block");
        assertThat(blocks.iamAction()).isEqualTo("s3:GetBucketPublicAccessBlock");
        assertThat(blocks.reason()).contains("aws_s3_bucket_public_access_block", MotoAws.ACCOUNT, "global");

        // The provider-v5 rule types also call DescribeSecurityGroups (to leave out the default groups' rules), and so
        // does aws_default_security_group (the default groups themselves).
        assertThat(outcomes.values()).filteredOn(o -> o instanceof ListingOutcome.Failed)
                .filteredOn(o -> !MotoGaps.UNLISTABLE.contains(o.scope().type()))
                .extracting(o -> o.scope().type()).containsExactlyInAnyOrder("aws_security_group",
                        "aws_default_security_group",
                        "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
                        "aws_s3_bucket_public_access_block");
        assertThat(((ListingOutcome.Listed) outcomes.get("aws_vpc")).resources())
                .extracting(r -> r.id()).containsExactly(vpcId);
        assertThat(((ListingOutcome.Listed) outcomes.get("aws_s3_bucket")).resources())
                .extracting(r -> r.id()).containsExactly("audit");
        // Customer-managed policies only: AWS's own policies are never asked for.
        proxy.verify(postRequestedFor(anyUrl()).withRequestBody(containing("Action=GetAccountAuthorizationDetails"))
                .withRequestBody(containing("Filter.member.4=LocalManagedPolicy")));
    }

    @Test
    void throttlingAfterRetriesIsAFailedScopeThatSaysSo() {
        proxy.stubFor(post(anyUrl()).atPriority(1)
                .withRequestBody(containing("Action=DescribeVpcs"))
                .willReturn(aResponse().withStatus(400).withBody(EC2_THROTTLED)));

        Map<String, ListingOutcome> outcomes = scanThroughProxy();

        ListingOutcome.Failed vpcs = (ListingOutcome.Failed) outcomes.get("aws_vpc");
        assertThat(vpcs.reason()).contains("aws_vpc", "us-east-1", "throttled", "ec2:DescribeVpcs");
        assertThat(vpcs.iamAction()).isNull();
        assertThat(outcomes.get("aws_subnet")).isInstanceOf(ListingOutcome.Listed.class);
    }

    @Test
    void anUnreachableEndpointFailsEveryScopeInsteadOfThrowing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LiveInventory inventory;
        try (AwsSession session = MotoAws.session("http://127.0.0.1:" + closedPort)) {
            inventory = new AwsScanner().scan(session, List.of("us-east-1"), Collectors.all(), false);
        }

        assertThat(inventory.outcomes()).hasSize(Collectors.all().size()).allSatisfy(outcome -> {
            assertThat(outcome).isInstanceOf(ListingOutcome.Failed.class);
            assertThat(((ListingOutcome.Failed) outcome).reason())
                    .contains("sts:GetCallerIdentity", "could not reach AWS", outcome.scope().type());
        });
    }

    private Map<String, ListingOutcome> scanThroughProxy() {
        try (AwsSession session = MotoAws.session(proxy.baseUrl())) {
            // The bucket is managed: S3 detail calls are spent on managed buckets only.
            ManagedState managed = new ManagedState(Map.of("aws_s3_bucket", Map.of("audit", Map.of())));
            LiveInventory inventory = new AwsScanner().scan(session, List.of("us-east-1"), Collectors.all(), false,
                    managed, ListingListener.NONE);
            assertThat(inventory.outcomes()).hasSize(Collectors.all().size());
            return inventory.outcomes().stream().collect(
                    java.util.stream.Collectors.toMap(o -> o.scope().type(), Function.identity()));
        }
    }
}
