package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import dev.driftdeck.remediation.ImportIds;

/**
 * Classic load balancers ({@code aws_elb}), per region, over the query protocol (Version 2012-06-01) through
 * {@link SignedRequests} (the SDK's elasticloadbalancing module is not available here). DescribeLoadBalancers pages
 * 400 balancers with listeners, health check, subnets, zones, groups and instances; a managed balancer costs one
 * DescribeLoadBalancerAttributes (draining, idle timeout, cross-zone, access logs, desync mode), and tags one
 * DescribeTags per 20 managed balancers.
 */
final class ClassicLoadBalancerCollectors {

    static final String ELB = "aws_elb";
    private static final int PAGE = 400;
    private static final int TAG_BATCH = 20;

    private ClassicLoadBalancerCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(ELB)
                .actions("elasticloadbalancing:DescribeLoadBalancers",
                        "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTags")
                .compare("internal", SCALAR).compare("listener", SET).compare("health_check", SET)
                .compare("subnets", SET).compare("availability_zones", SET).compare("security_groups", SET)
                .compare("instances", SET).compare("cross_zone_load_balancing", SCALAR).compare("idle_timeout", SCALAR)
                .compare("connection_draining", SCALAR).compare("connection_draining_timeout", SCALAR)
                .compare("access_logs", SET).compare("desync_mitigation_mode", STRING).compareTags()
                .notCompared(NotCompared.IDENTITY, "name")
                .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                .notCompared("AWS derives it from security_groups, which are compared", "source_security_group")
                .importId(ImportIds.SAME_AS_ID).listedBy(ClassicLoadBalancerCollectors::loadBalancers));
    }

    private static List<LiveResource> loadBalancers(CollectorContext ctx) {
        SignedRequests elb = ctx.session().signed(RawApi.ELB, ctx.region());
        List<JsonNode> balancers = SignedRequests.items(SignedRequests.pages(marker -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("PageSize", Integer.toString(PAGE));
            if (marker != null) {
                params.put("Marker", marker);
            }
            return elb.query("DescribeLoadBalancers", params);
        }, "NextMarker"), "LoadBalancerDescriptions");
        List<String> managed = balancers.stream().map(b -> b.path("LoadBalancerName").asText())
                .filter(name -> ctx.manages(ELB, name)).toList();
        Map<String, Map<String, Object>> tags = tags(elb, managed);
        List<LiveResource> resources = new ArrayList<>();
        for (JsonNode balancer : balancers) {
            String name = balancer.path("LoadBalancerName").asText();
            resources.add(!ctx.manages(ELB, name) ? ctx.identityOnly(ELB, name)
                    : ctx.resource(ELB, name, attributes(balancer, elb.query("DescribeLoadBalancerAttributes",
                            Map.of("LoadBalancerName", name)).path("LoadBalancerAttributes"),
                            tags.getOrDefault(name, Map.of()))));
        }
        return resources;
    }

    /** In the provider's shape: protocols in lower case, access logs only when a bucket is set. */
    private static Map<String, Object> attributes(JsonNode balancer, JsonNode settings, Map<String, Object> tags) {
        List<Object> listeners = new ArrayList<>();
        balancer.path("ListenerDescriptions").forEach(description -> {
            JsonNode listener = description.path("Listener");
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("instance_port", RawShapes.number(listener, "InstancePort", 0));
            block.put("instance_protocol", lower(RawShapes.text(listener, "InstanceProtocol")));
            block.put("lb_port", RawShapes.number(listener, "LoadBalancerPort", 0));
            block.put("lb_protocol", lower(RawShapes.text(listener, "Protocol")));
            block.put("ssl_certificate_id", RawShapes.text(listener, "SSLCertificateId"));
            listeners.add(block);
        });
        JsonNode check = balancer.path("HealthCheck");
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("healthy_threshold", RawShapes.number(check, "HealthyThreshold", 0));
        health.put("unhealthy_threshold", RawShapes.number(check, "UnhealthyThreshold", 0));
        health.put("interval", RawShapes.number(check, "Interval", 0));
        health.put("timeout", RawShapes.number(check, "Timeout", 0));
        health.put("target", RawShapes.text(check, "Target"));
        List<String> instances = new ArrayList<>();
        balancer.path("Instances").forEach(instance -> instances.add(instance.path("InstanceId").asText()));
        JsonNode logs = settings.path("AccessLog");
        Map<String, Object> accessLog = new LinkedHashMap<>();
        accessLog.put("bucket", RawShapes.text(logs, "S3BucketName"));
        accessLog.put("bucket_prefix", RawShapes.text(logs, "S3BucketPrefix"));
        accessLog.put("enabled", RawShapes.bool(logs, "Enabled"));
        accessLog.put("interval", RawShapes.number(logs, "EmitInterval", 60));
        String desync = null;
        for (JsonNode attribute : settings.path("AdditionalAttributes")) {
            if ("elb.http.desyncmitigationmode".equals(attribute.path("Key").asText())) {
                desync = RawShapes.text(attribute, "Value");
            }
        }
        return Attributes.of()
                .put("internal", "internal".equals(RawShapes.text(balancer, "Scheme")))
                .put("listener", listeners)
                .put("health_check", check.isObject() ? List.of(health) : List.of())
                .put("subnets", RawShapes.texts(balancer, "Subnets"))
                .put("availability_zones", RawShapes.texts(balancer, "AvailabilityZones"))
                .put("security_groups", RawShapes.texts(balancer, "SecurityGroups"))
                .put("instances", instances)
                .put("cross_zone_load_balancing", RawShapes.bool(settings.path("CrossZoneLoadBalancing"), "Enabled"))
                .put("idle_timeout", RawShapes.number(settings.path("ConnectionSettings"), "IdleTimeout", 60))
                .put("connection_draining", RawShapes.bool(settings.path("ConnectionDraining"), "Enabled"))
                .put("connection_draining_timeout", RawShapes.number(settings.path("ConnectionDraining"), "Timeout", 300))
                .put("access_logs", accessLog.get("bucket") == null ? List.of() : List.of(accessLog))
                .put("desync_mitigation_mode", desync)
                .put("tags", tags)
                .build();
    }

    private static String lower(String protocol) {
        return protocol == null ? null : protocol.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Map<String, Object>> tags(SignedRequests elb, List<String> names) {
        Map<String, Map<String, Object>> tags = new HashMap<>();
        for (int from = 0; from < names.size(); from += TAG_BATCH) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + TAG_BATCH));
            Map<String, String> params = new LinkedHashMap<>();
            SignedRequests.members(params, "LoadBalancerNames", batch);
            elb.query("DescribeTags", params).path("TagDescriptions").forEach(description -> tags.put(
                    description.path("LoadBalancerName").asText(), RawShapes.tags(description.path("Tags"))));
        }
        return tags;
    }
}
