package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

/** The generic SDK-to-state shapes the compute collectors compare with. */
class SdkShapesTest {

    @Test
    void wireNamesBecomeTheProvidersSnakeCase() {
        assertThat(SdkShapes.snakeCase("endpointPrivateAccess")).isEqualTo("endpoint_private_access");
        assertThat(SdkShapes.snakeCase("ec2SshKey")).isEqualTo("ec2_ssh_key");
        assertThat(SdkShapes.snakeCase("serviceIpv4Cidr")).isEqualTo("service_ipv4_cidr");
        assertThat(SdkShapes.snakeCase("CapacityReservationResourceGroupArns"))
                .isEqualTo("capacity_reservation_resource_group_arns");
    }

    @Test
    void aBlockIsAOneElementListAndFieldsTheResponseLeftOutAreAbsent() {
        VpcConfigResponse vpc = VpcConfigResponse.builder().subnetIds("subnet-1").endpointPublicAccess(true).build();

        assertThat(SdkShapes.block(vpc)).containsExactly(Map.of("subnet_ids", List.of("subnet-1"),
                "endpoint_public_access", true));
        assertThat(SdkShapes.block(null)).isEmpty();
    }

    @Test
    void jsonKeepsWireNamesAndListsTheResponseHeldEvenWhenEmpty() {
        ContainerDefinition container = ContainerDefinition.builder().name("app").essential(true)
                .environment(List.of()).build();

        assertThat(SdkShapes.json(container)).containsExactlyInAnyOrderEntriesOf(Map.of("name", "app",
                "essential", true, "environment", List.of()));
    }
}
