package dev.driftdeck.aws;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A Route53 record set in the shape the provider writes {@code aws_route53_record} to state: each routing policy a
 * list of zero or one block, the alias name lower case without its trailing dot, an unset multivalue flag false.
 */
final class Route53RecordShapes {

    private Route53RecordShapes() {
    }

    static Map<String, Object> attributes(ResourceRecordSet set) {
        return Attributes.of()
                .put("ttl", set.ttl())
                .put("records", set.resourceRecords().stream().map(ResourceRecord::value).toList())
                .put("alias", set.aliasTarget() == null ? List.of() : List.of(Attributes.of()
                        .put("name", aliasName(set.aliasTarget().dnsName()))
                        .put("zone_id", set.aliasTarget().hostedZoneId())
                        .put("evaluate_target_health", Boolean.TRUE.equals(set.aliasTarget().evaluateTargetHealth()))
                        .build()))
                .put("health_check_id", set.healthCheckId())
                .put("failover_routing_policy", set.failover() == null ? List.of()
                        : List.of(Attributes.of().put("type", set.failoverAsString()).build()))
                .put("geolocation_routing_policy", set.geoLocation() == null ? List.of() : List.of(Attributes.of()
                        .put("continent", set.geoLocation().continentCode())
                        .put("country", set.geoLocation().countryCode())
                        .put("subdivision", set.geoLocation().subdivisionCode())
                        .build()))
                .put("geoproximity_routing_policy", set.geoProximityLocation() == null ? List.of()
                        : List.of(geoproximity(set)))
                .put("latency_routing_policy", set.region() == null ? List.of()
                        : List.of(Attributes.of().put("region", set.regionAsString()).build()))
                .put("weighted_routing_policy", set.weight() == null ? List.of()
                        : List.of(Attributes.of().put("weight", set.weight()).build()))
                .put("cidr_routing_policy", set.cidrRoutingConfig() == null ? List.of() : List.of(Attributes.of()
                        .put("collection_id", set.cidrRoutingConfig().collectionId())
                        .put("location_name", set.cidrRoutingConfig().locationName())
                        .build()))
                .put("multivalue_answer_routing_policy", Boolean.TRUE.equals(set.multiValueAnswer()))
                .build();
    }

    private static Map<String, Object> geoproximity(ResourceRecordSet set) {
        var location = set.geoProximityLocation();
        var coordinates = location.coordinates();
        return Attributes.of()
                .put("aws_region", location.awsRegion())
                .put("bias", location.bias() == null ? 0 : location.bias())
                .put("coordinates", coordinates == null ? List.of() : List.of(Attributes.of()
                        .put("latitude", coordinates.latitude())
                        .put("longitude", coordinates.longitude())
                        .build()))
                .put("local_zone_group", location.localZoneGroup())
                .build();
    }

    /** The provider writes an alias target lower case and without the trailing dot Route53 answers with. */
    static String aliasName(String dnsName) {
        if (dnsName == null) {
            return null;
        }
        String name = dnsName.toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
