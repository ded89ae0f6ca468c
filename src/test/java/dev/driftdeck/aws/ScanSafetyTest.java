package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.Alert;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.drift.Reconciliation;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import dev.driftdeck.testing.MotoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The rule Driftdeck never bends: a listing that failed makes its resources NOT_CHECKED, never MISSING. WireMock
 * proxies moto and denies one action while throttling another on every attempt; the managed resources of both
 * types stay NOT_CHECKED, the alerts name the action, and the throttled call was retried.
 */
class ScanSafetyTest {

    private static final String DENIED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
            + "<Code>UnauthorizedOperation</Code><Message>not authorized</Message></Error></Errors>"
            + "<RequestID>r-1</RequestID></Response>";
    private static final String THROTTLED = DENIED.replace("UnauthorizedOperation", "RequestLimitExceeded");

    private WireMockServer proxy;
    private String vpcId;
    private String groupId;
    private String subnetId;

    @BeforeEach
    void proxyMoto() {
        MotoServer.shared().reset();
        try (Ec2Client ec2 = MotoAws.operatorEc2()) {
            vpcId = ec2.createVpc(r -> r.cidrBlock("10.5.0.0/16")).vpc().vpcId();
            groupId = ec2.createSecurityGroup(r -> r.groupName("app").description("app").vpcId(vpcId)).groupId();
            subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.5.1.0/24")).subnet().subnetId();
        }
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(MotoAws.endpoint())));
        proxy.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("Action=DescribeSecurityGroups"))
                .willReturn(aResponse().withStatus(403).withBody(DENIED)));
        proxy.stubFor(post(anyUrl()).atPriority(1).withRequestBody(containing("Action=DescribeVpcs"))
                .willReturn(aResponse().withStatus(400).withBody(THROTTLED)));
    }

    @AfterEach
    void stopProxy() {
        proxy.stop();
    }

    @Test
    void deniedAndThrottledListingsAreNotCheckedNeverMissing() {
        List<Collector> collectors = Collectors.forTypes(List.of("aws_vpc", "aws_security_group", "aws_subnet"));
        LiveInventory inventory;
        // Three attempts with adaptive retry: the throttled call is sent three times before the scope gives up.
        SessionOptions threeAttempts = new SessionOptions(3, Duration.ofMillis(500), Duration.ofSeconds(20));
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, proxy.baseUrl()),
                MotoAws.CREDENTIALS, threeAttempts)) {
            inventory = new AwsScanner().scan(session, List.of(MotoAws.REGION), collectors, false);
        }
        StateSnapshot state = new StateSnapshot("memory://state", 1, "l", "1.11.4", List.of(
                managed("aws_vpc", vpcId), managed("aws_security_group", groupId), managed("aws_subnet", "subnet-gone")));

        Reconciliation result = new Reconciler(Collectors.specs()).reconcile(List.of(state), inventory, IgnoreRules.none());

        assertThat(result.findings()).extracting(f -> f.type() + " " + f.id() + " " + f.status()).containsExactlyInAnyOrder(
                "aws_vpc " + vpcId + " NOT_CHECKED",
                "aws_security_group " + groupId + " NOT_CHECKED",
                "aws_subnet " + subnetId + " UNMANAGED",
                "aws_subnet subnet-gone MISSING");
        assertThat(result.findings()).filteredOn(f -> f.status() == FindingStatus.MISSING)
                .extracting(Finding::type).containsOnly("aws_subnet");
        assertThat(result.alerts()).extracting(Alert::iamAction).contains("ec2:DescribeSecurityGroups");
        assertThat(result.alerts()).extracting(Alert::message).anySatisfy(message ->
                assertThat(message).contains("aws_vpc", "throttled", "ec2:DescribeVpcs"));
        proxy.verify(3, postRequestedFor(anyUrl()).withRequestBody(containing("Action=DescribeVpcs")));
        // Access denied is not retried: it cannot get better.
        proxy.verify(1, postRequestedFor(anyUrl()).withRequestBody(containing("Action=DescribeSecurityGroups")));
    }

    private static StateResource managed(String type, String id) {
        return new StateResource(type + ".x[\"" + id + "\"]", "", type, "x", id, "memory://state",
                Map.of("id", id, "arn", "arn:aws:ec2:" + MotoAws.REGION + ":" + MotoAws.ACCOUNT + ":thing/" + id));
    }
}
