package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import dev.driftdeck.remediation.ImportIds;

/**
 * Route53, global. Zones come from one paginated ListHostedZones; records cost one paginated
 * ListResourceRecordSets per zone (no batch API), spent only on zones the state manages (as the zone or through
 * one of its records): the records of an unmanaged zone are that zone's business.
 */
final class Route53Collectors {

    static final String ZONE = "aws_route53_zone";
    static final String RECORD = "aws_route53_record";

    private Route53Collectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.global(ZONE).actions("route53:ListHostedZones", "route53:ListTagsForResource")
                        .compare("name", STRING).compare("comment", STRING).compareTags()
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_destroy")
                        .notCompared(NotCompared.costsACall("GetHostedZone"), "delegation_set_id", "vpc")
                        .importId(ImportIds.SAME_AS_ID).listedBy(Route53Collectors::zones),
                // Records AWS creates with the zone (the apex NS and SOA) are dropped unless strict or managed.
                CollectorDefinition.global(RECORD).actions("route53:ListHostedZones", "route53:ListResourceRecordSets")
                        .compare("ttl", SCALAR).compare("records", SET)
                        .compare("alias", SET).compare("health_check_id", STRING)
                        .compare("failover_routing_policy", SET).compare("geolocation_routing_policy", SET)
                        .compare("geoproximity_routing_policy", SET).compare("latency_routing_policy", SET)
                        .compare("weighted_routing_policy", SET).compare("cidr_routing_policy", SET)
                        .compare("multivalue_answer_routing_policy", SCALAR)
                        .notCompared(NotCompared.IDENTITY, "zone_id", "name", "type", "set_identifier")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "allow_overwrite")
                        .importId(ImportIds.SAME_AS_ID).listedBy(Route53Collectors::records));
    }

    private static List<LiveResource> zones(CollectorContext ctx) {
        List<LiveResource> zones = new ArrayList<>();
        for (HostedZone zone : ctx.session().route53().listHostedZonesPaginator().hostedZones()) {
            String id = zoneId(zone);
            if (!ctx.manages(ZONE, id)) {
                zones.add(ctx.identityOnly(ZONE, id));
                continue;
            }
            List<Tag> tags = ctx.session().route53().listTagsForResource(r -> r
                    .resourceType(TagResourceType.HOSTEDZONE).resourceId(id)).resourceTagSet().tags();
            zones.add(ctx.resource(ZONE, id, Attributes.of()
                    .put("name", withoutDot(zone.name()))
                    .put("comment", zone.config() == null ? null : zone.config().comment())
                    .put("tags", Tags.toMap(tags, Tag::key, Tag::value))
                    .build()));
        }
        return zones;
    }

    private static List<LiveResource> records(CollectorContext ctx) {
        Set<String> zones = new LinkedHashSet<>(ctx.managed().ids(ZONE));
        ctx.managed().resources(RECORD).values().forEach(record -> {
            if (record.get("zone_id") instanceof String zoneId) {
                zones.add(zoneId);
            }
        });
        if (zones.isEmpty()) {
            return List.of();
        }
        List<LiveResource> records = new ArrayList<>();
        for (HostedZone zone : ctx.session().route53().listHostedZonesPaginator().hostedZones()) {
            String zoneId = zoneId(zone);
            if (!zones.contains(zoneId)) {
                continue;
            }
            String apex = withoutDot(zone.name()).toLowerCase(Locale.ROOT);
            for (ResourceRecordSet set : ctx.session().route53()
                    .listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets()) {
                String id = recordId(zoneId, set);
                String name = recordName(set.name());
                boolean createdWithZone = name.equals(apex) && List.of("NS", "SOA").contains(set.typeAsString());
                if (createdWithZone && !ctx.strict() && !ctx.manages(RECORD, id)) {
                    continue;
                }
                records.add(ctx.resource(RECORD, id, Route53RecordShapes.attributes(set)));
            }
        }
        return records;
    }

    /** The provider's record id: {@code ZONEID_name_TYPE}, plus {@code _setidentifier} for routing policies. */
    static String recordId(String zoneId, ResourceRecordSet set) {
        String id = zoneId + "_" + recordName(set.name()) + "_" + set.typeAsString();
        return set.setIdentifier() == null ? id : id + "_" + set.setIdentifier();
    }

    /** Lower case, no trailing dot, and the wildcard Route53 escapes as {@code \052} written as {@code *}. */
    private static String recordName(String name) {
        return withoutDot(name.replace("\\052", "*")).toLowerCase(Locale.ROOT);
    }

    private static String zoneId(HostedZone zone) {
        return zone.id().substring(zone.id().lastIndexOf('/') + 1);
    }

    private static String withoutDot(String name) {
        return name != null && name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

}
