package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.PrivateMoto;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Spot instance requests end to end: real Terraform applies {@code fixtures/terraform/spot} to moto (which fulfils a
 * request at once), a scan finds the requests in sync and their instances not unmanaged, and a retag, a cancellation
 * and a request made by hand are reported exactly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PrivateMoto
class SpotFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_spot_instance_request");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("spot");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncAndTheLaunchedInstancesAreTheRequests() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
    }

    @Test
    @Order(2)
    void aRetagACancellationAndARequestMadeByHandAreReportedExactly() {
        String byHand;
        try (Ec2Client ec2 = MotoClients.ec2()) {
            ec2.createTags(r -> r.resources(fixture.id("aws_spot_instance_request.worker[0]"))
                    .tags(Tag.builder().key("Name").value("renamed").build()));
            ec2.cancelSpotInstanceRequests(r -> r.spotInstanceRequestIds(fixture.id("aws_spot_instance_request.worker[1]")));
            ec2.terminateInstances(r -> r.instanceIds(fixture.attribute("aws_spot_instance_request.worker[1]",
                    "spot_instance_id")));
            byHand = ec2.requestSpotInstances(r -> r.spotPrice("0.04").instanceCount(1)
                    .launchSpecification(l -> l.imageId("ami-1e749f67").instanceType("t3.micro")))
                    .spotInstanceRequests().getFirst().spotInstanceRequestId();
        }

        ScanReport report = fixture.scan();

        // The hand-made request's instance is reported too: no state manages the request it belongs to.
        assertThat(CoverageFixture.drift(report)).filteredOn(line -> !line.startsWith("UNMANAGED aws_instance "))
                .containsExactlyInAnyOrderElementsOf(List.of(
                        "CHANGED aws_spot_instance_request.worker[0] tags.Name",
                        "MISSING aws_spot_instance_request.worker[1]",
                        "UNMANAGED aws_spot_instance_request " + byHand));
        assertThat(CoverageFixture.drift(report)).filteredOn(line -> line.startsWith("UNMANAGED aws_instance ")).hasSize(1);
    }
}
