package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.PrivateMoto;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Virtual private gateways, their VPC attachments, customer gateways and Redshift subnet groups end to end: real
 * Terraform applies {@code fixtures/terraform/vpn} to moto, a scan finds it all in sync, and console-style edits,
 * deletions and hand-made additions are reported exactly. Route propagation is not here: moto 5.2.1 has no
 * EnableVgwRoutePropagation, so the provider cannot create one (see NetworkEdgeWireMockTest).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PrivateMoto
class VpnFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_vpn_gateway", "aws_vpn_gateway_attachment", "aws_customer_gateway",
            "aws_redshift_subnet_group");
    /** moto 5.2.1 cannot serve these (nor can Terraform apply them to it): NetworkEdgeWireMockTest covers them. */
    static final Set<String> NOT_ON_MOTO = Set.of("aws_vpn_gateway_route_propagation",
            "aws_vpc_block_public_access_options", "aws_vpc_block_public_access_exclusion", "aws_lb_trust_store",
            "aws_lb_trust_store_revocation", "aws_wafv2_web_acl_association", "aws_s3_directory_bucket");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("vpn");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
        // The provider's generated attachment id, computed the same way from the VPC and the gateway.
        assertThat(report.findings()).filteredOn(f -> "aws_vpn_gateway_attachment.external".equals(f.address()))
                .extracting(Finding::status).containsExactly(FindingStatus.IN_SYNC);
    }

    @Test
    @Order(2)
    void consoleEditsDeletionsAndHandMadeResourcesAreReportedExactly() {
        List<String> expected = VpnFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
    }
}
