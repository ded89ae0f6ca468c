package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.aws.Collector;
import dev.driftdeck.aws.Collectors;
import dev.driftdeck.aws.IamActions;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.PrivateMoto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every supported type end to end: real Terraform applies {@code fixtures/terraform/coverage} to moto once, a scan
 * finds it all in sync, then each type is drifted, deleted and added to by hand, and the next scan must report
 * exactly those changes, nothing more. The apply takes about two minutes (provider waits on SQS, ALB, Route53), so
 * the class shares one apply and orders its two tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PrivateMoto
class CoverageTest {

    // The provider crashes on moto's CreateService: covered by collector tests instead. A listener certificate needs
    // an HTTPS listener and an issued certificate: tested against the API's documented shapes
    // (LoadBalancerCertificateWireMockTest). The VPC network family beyond the basics, the S3 bucket configurations,
    // resource policies, IAM groups and credentials, and each family added since have their own fixtures (their
    // TYPES, and NOT_ON_MOTO for what only WireMock can answer).
    private static final Set<String> NOT_IN_FIXTURE = java.util.stream.Stream.of(
            Set.of("aws_ecs_service", "aws_lb_listener_certificate"), NetworkFamilyTest.TYPES, S3ConfigurationTest.TYPES,
            S3ConfigurationTest.NOT_ON_MOTO, PolicyFamilyTest.TYPES, ApiGatewayFamilyTest.TYPES,
            ApiGatewayFamilyTest.NOT_ON_MOTO, ComputeFamilyTest.TYPES, DataFamilyTest.TYPES,
            DataFamilyTest.NOT_ON_MOTO, EventsFamilyTest.TYPES, EventsFamilyTest.NOT_ON_MOTO,
            RawProtocolFamilyTest.TYPES, RawProtocolFamilyTest.NOT_ON_MOTO, AccountFamilyTest.TYPES,
            AccountFamilyTest.NOT_ON_MOTO, LogsFamilyTest.TYPES, LogsFamilyTest.NOT_ON_MOTO, VpnFamilyTest.TYPES,
            VpnFamilyTest.NOT_ON_MOTO, SpotFamilyTest.TYPES).flatMap(Set::stream)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply();
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncAndTheScanCalledOnlyDeclaredReadActions() throws Exception {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        Set<String> typesInSync = new TreeSet<>();
        report.findings().stream().filter(f -> f.status() == FindingStatus.IN_SYNC).map(Finding::type)
                .forEach(typesInSync::add);
        assertThat(typesInSync).containsExactlyInAnyOrderElementsOf(Collectors.all().stream().map(Collector::type)
                .filter(type -> !NOT_IN_FIXTURE.contains(type)).toList());

        assertThat(fixture.undeclaredOrWriteOperations()).as("read-only and declared by a collector").isEmpty();
        assertThat(Files.readString(Path.of("docs/iam-policy.json")))
                .as("docs/iam-policy.json is generated from the collectors: run IamActions to regenerate it")
                .isEqualTo(IamActions.policyJson(Collectors.all()));
    }

    @Test
    @Order(2)
    void driftDeletionsAndHandMadeResourcesAreReportedExactly() throws Exception {
        TreeSet<String> expected = new TreeSet<>(AlarmDrift.apply(fixture));
        expected.addAll(NetworkDrift.apply(fixture));
        expected.addAll(IdentityDrift.apply(fixture));
        expected.addAll(ServiceDrift.apply(fixture));

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.findings()).extracting(Finding::account).containsOnly(dev.driftdeck.testing.MotoClients.ACCOUNT);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(Collectors.all()).extracting(Collector::type)
                .as("every type of the fixture is drifted, deleted or added to")
                .filteredOn(type -> !touched.contains(type))
                .containsExactlyInAnyOrderElementsOf(NOT_IN_FIXTURE);
    }
}
