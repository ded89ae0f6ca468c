package dev.driftdeck.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.drift.Reconciler;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code aws_lb_listener_certificate} against WireMock: it needs an HTTPS listener with an issued certificate, which
 * the shared coverage fixture does not build against moto. WireMock answers DescribeLoadBalancers, DescribeListeners
 * and DescribeListenerCertificates with the XML the Elastic Load Balancing v2 API reference documents (query
 * protocol, 2015-12-01), and a state in the provider 5.100.0 schema's shape (id {@code <listener>_<certificate>})
 * is reconciled with what the collector makes of it.
 */
class LoadBalancerCertificateWireMockTest {

    private static final String XMLNS = " xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"";
    private static final String BALANCER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";
    private static final String LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private static final String CERTIFICATES = "arn:aws:acm:us-east-1:123456789012:certificate/";

    private WireMockServer aws;

    @BeforeEach
    void answerAsAwsDocumentsIt() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        stub("DescribeLoadBalancers", "<LoadBalancers><member><LoadBalancerArn>" + BALANCER + "</LoadBalancerArn>"
                + "<LoadBalancerName>web</LoadBalancerName><Scheme>internet-facing</Scheme><Type>application</Type>"
                + "<State><Code>active</Code></State><VpcId>vpc-3ac0fb5f</VpcId></member></LoadBalancers>");
        stub("DescribeListeners", "<Listeners><member><ListenerArn>" + LISTENER + "</ListenerArn><LoadBalancerArn>"
                + BALANCER + "</LoadBalancerArn><Port>443</Port><Protocol>HTTPS</Protocol><SslPolicy>"
                + "ELBSecurityPolicy-2016-08</SslPolicy><Certificates><member><CertificateArn>" + CERTIFICATES
                + "default</CertificateArn></member></Certificates><DefaultActions><member><Type>fixed-response</Type>"
                + "<FixedResponseConfig><StatusCode>404</StatusCode></FixedResponseConfig></member></DefaultActions>"
                + "</member></Listeners>");
        stub("DescribeListenerCertificates", "<Certificates>"
                + "<member><CertificateArn>" + CERTIFICATES + "default</CertificateArn><IsDefault>true</IsDefault></member>"
                + "<member><CertificateArn>" + CERTIFICATES + "api</CertificateArn><IsDefault>false</IsDefault></member>"
                + "<member><CertificateArn>" + CERTIFICATES + "by-hand</CertificateArn><IsDefault>false</IsDefault></member>"
                + "</Certificates>");
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void aManagedCertificateIsInSyncOneAddedByHandIsUnmanagedAndTheDefaultOneIsTheListeners() {
        Map<String, FindingStatus> findings = reconcile(state("api"));

        assertThat(findings).containsExactlyInAnyOrderEntriesOf(Map.of(
                "aws_lb_listener_certificate.api", FindingStatus.IN_SYNC,
                "aws_lb_listener_certificate " + LISTENER + "_" + CERTIFICATES + "by-hand", FindingStatus.UNMANAGED));
    }

    @Test
    void aCertificateRemovedFromTheListenerIsMissing() {
        Map<String, FindingStatus> findings = reconcile(state("removed"));

        assertThat(findings).containsEntry("aws_lb_listener_certificate.api", FindingStatus.MISSING);
    }

    @Test
    void noStateNoCall() {
        reconcile(new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", List.of()));

        aws.verify(0, postRequestedFor(anyUrl()));
    }

    private void stub(String action, String result) {
        aws.stubFor(post(anyUrl()).withRequestBody(containing("Action=" + action)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<" + action + "Response" + XMLNS + "><" + action + "Result>" + result + "</" + action
                        + "Result><ResponseMetadata><RequestId>0d8f1b1e-1111-2222-3333-444455556666</RequestId>"
                        + "</ResponseMetadata></" + action + "Response>")));
    }

    /** Lists the certificate type as a scan of {@code state} does, reconciles; statuses by address or "type id". */
    private Map<String, FindingStatus> reconcile(StateSnapshot state) {
        Reconciler reconciler = new Reconciler(Collectors.specs());
        ManagedState managed = new ManagedState(reconciler.managedByType(List.of(state)));
        String type = LoadBalancerChildCollectors.CERTIFICATE;
        List<ListingOutcome> outcomes;
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoAws.REGION, aws.baseUrl()),
                MotoAws.CREDENTIALS, MotoAws.FAST)) {
            Collector collector = Collectors.forType(type).orElseThrow();
            outcomes = List.of(new ListingOutcome.Listed(new ListingScope(MotoAws.ACCOUNT, MotoAws.REGION, type),
                    collector.list(new CollectorContext(session, MotoAws.ACCOUNT, MotoAws.REGION, false, managed))));
        }
        Map<String, FindingStatus> byWho = new HashMap<>();
        reconciler.reconcile(List.of(state), new LiveInventory(outcomes, Map.of()), IgnoreRules.none()).findings()
                .stream().filter(f -> f.type().equals(type))
                .forEach(f -> byWho.put(f.address() != null ? f.address() : f.type() + " " + f.id(), f.status()));
        return byWho;
    }

    /** The certificate {@code aws_lb_listener_certificate.api} as provider 5.100.0 writes it, on the HTTPS listener. */
    private static StateSnapshot state(String certificate) {
        String certificateArn = CERTIFICATES + certificate;
        String id = LISTENER + "_" + certificateArn;
        List<StateResource> resources = new ArrayList<>();
        resources.add(new StateResource("aws_lb_listener_certificate.api", "", "aws_lb_listener_certificate", "api", id,
                "hand.tfstate", Map.of("id", id, "listener_arn", LISTENER, "certificate_arn", certificateArn)));
        return new StateSnapshot("hand.tfstate", 1, "hand", "1.11.4", resources);
    }
}
