package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Record sets in the shape provider 5.100 writes {@code aws_route53_record} to state (its read function): each
 * routing policy a list of zero or one block, an alias target lower case without Route53's trailing dot.
 */
class Route53RecordShapesTest {

    @Test
    void anAliasIsOneBlockWithItsNameAsTheProviderWritesIt() {
        ResourceRecordSet set = ResourceRecordSet.builder().name("www.example.com.").type("A")
                .aliasTarget(a -> a.dnsName("Dualstack.My-LB-1.us-east-1.ELB.amazonaws.com.")
                        .hostedZoneId("Z35SXDOTRQ7X7K").evaluateTargetHealth(true))
                .build();

        Map<String, Object> attributes = Route53RecordShapes.attributes(set);

        assertThat(attributes.get("alias")).isEqualTo(List.of(Map.of(
                "name", "dualstack.my-lb-1.us-east-1.elb.amazonaws.com", "zone_id", "Z35SXDOTRQ7X7K",
                "evaluate_target_health", true)));
        assertThat(attributes).containsEntry("records", List.of()).containsEntry("ttl", null)
                .containsEntry("weighted_routing_policy", List.of())
                .containsEntry("multivalue_answer_routing_policy", false);
    }

    @Test
    void routingPoliciesAreOneBlockEach() {
        ResourceRecordSet set = ResourceRecordSet.builder().name("api.example.com.").type("CNAME").ttl(60L)
                .setIdentifier("blue").weight(10L).healthCheckId("hc-1").failover("PRIMARY").region("eu-west-1")
                .geoLocation(g -> g.countryCode("DE"))
                .geoProximityLocation(g -> g.awsRegion("eu-west-1"))
                .cidrRoutingConfig(c -> c.collectionId("c-1").locationName("office"))
                .resourceRecords(r -> r.value("blue.example.com"))
                .build();

        Map<String, Object> attributes = Route53RecordShapes.attributes(set);

        assertThat(attributes).containsEntry("ttl", 60L).containsEntry("records", List.of("blue.example.com"))
                .containsEntry("health_check_id", "hc-1")
                .containsEntry("weighted_routing_policy", List.of(Map.of("weight", 10L)))
                .containsEntry("failover_routing_policy", List.of(Map.of("type", "PRIMARY")))
                .containsEntry("latency_routing_policy", List.of(Map.of("region", "eu-west-1")))
                .containsEntry("cidr_routing_policy", List.of(Map.of("collection_id", "c-1", "location_name", "office")));
        // Unset codes are null here and "" in state: the comparison drops both inside a block.
        assertThat((List<?>) attributes.get("geolocation_routing_policy")).singleElement()
                .satisfies(block -> assertThat(block).isEqualTo(geolocation("DE")));
        // The provider writes an unset bias as 0 and no coordinates as an empty list.
        assertThat((List<?>) attributes.get("geoproximity_routing_policy")).singleElement()
                .satisfies(block -> assertThat(block).isEqualTo(geoproximity("eu-west-1")));
    }

    private static Map<String, Object> geolocation(String country) {
        Map<String, Object> block = new java.util.HashMap<>();
        block.put("continent", null);
        block.put("country", country);
        block.put("subdivision", null);
        return block;
    }

    private static Map<String, Object> geoproximity(String region) {
        Map<String, Object> block = new java.util.HashMap<>();
        block.put("aws_region", region);
        block.put("bias", 0);
        block.put("coordinates", List.of());
        block.put("local_zone_group", null);
        return block;
    }
}
