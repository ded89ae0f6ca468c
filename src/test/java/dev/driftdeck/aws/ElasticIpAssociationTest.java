package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * An EIP's association is compared only where the state holds one (see DECISIONS, network depth): the EIP of a NAT
 * gateway or an aws_eip_association learns of it only at its next refresh, so right after apply its state says
 * "unassociated" and must not read CHANGED; an association the state knows is compared, and its loss reads CHANGED.
 */
class ElasticIpAssociationTest {

    @Test
    void theAssociationIsComparedWhereTheStateHoldsOne() {
        MotoServer.shared().reset();
        try (Ec2Client ec2 = MotoAws.operatorEc2()) {
            String ami = ec2.describeImages(r -> r.owners("amazon")).images().getFirst().imageId();
            String instance = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1))
                    .instances().getFirst().instanceId();
            String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
            ec2.associateAddress(r -> r.allocationId(eip).instanceId(instance));
            Collector collector = Collectors.forType("aws_eip").orElseThrow();

            Map<String, Object> staleState = Map.of("instance", "", "network_interface", "");
            Map<String, Object> unassociatedInState = eipOf(collector, eip, staleState);
            assertThat(unassociatedInState).containsEntry("instance", "").containsEntry("network_interface", "");

            Map<String, Object> refreshed = Map.of("instance", instance, "network_interface", "eni-any");
            assertThat(eipOf(collector, eip, refreshed)).containsEntry("instance", instance)
                    .containsEntry("vpc", true).containsEntry("domain", "vpc");

            ec2.disassociateAddress(r -> r.associationId(ec2.describeAddresses(d -> d.allocationIds(eip))
                    .addresses().getFirst().associationId()));
            // moto answers an empty instance id where AWS leaves it out; compared as text, both are "none".
            assertThat(eipOf(collector, eip, refreshed).get("instance")).isIn(null, "");
        }
    }

    private static Map<String, Object> eipOf(Collector collector, String eip, Map<String, Object> state) {
        LiveResource live = MotoAws.list(collector, false,
                new ManagedState(Map.of("aws_eip", Map.of(eip, state)))).stream()
                .filter(resource -> resource.id().equals(eip)).findFirst().orElseThrow();
        return live.attributes();
    }
}
