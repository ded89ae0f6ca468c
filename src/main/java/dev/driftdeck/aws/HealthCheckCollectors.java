package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import dev.driftdeck.remediation.ImportIds;

/**
 * Route53 health checks, global. ListHealthChecks pages through every check with its whole configuration; tags
 * cost one ListTagsForResources per 10 managed checks. Everything UpdateHealthCheck (the console's edit) can change
 * is compared, and the settings fixed at creation (type, interval, latency) confirm it is the same check. Not
 * compared: {@code reference_name} (a prefix of the caller reference, an input at creation) and {@code triggers}
 * (Terraform's own).
 */
final class HealthCheckCollectors {

    static final String HEALTH_CHECK = "aws_route53_health_check";
    private static final int TAG_BATCH = 10;

    private HealthCheckCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.global(HEALTH_CHECK)
                .actions("route53:ListHealthChecks", "route53:ListTagsForResources")
                .compare("type", CASE_INSENSITIVE).compare("fqdn", STRING).compare("ip_address", STRING)
                .compare("port", SCALAR).compare("resource_path", STRING).compare("search_string", STRING)
                .compare("failure_threshold", SCALAR).compare("request_interval", SCALAR)
                .compare("measure_latency", SCALAR).compare("invert_healthcheck", SCALAR).compare("disabled", SCALAR)
                .compare("enable_sni", SCALAR).compare("regions", SET).compare("child_healthchecks", SET)
                .compare("child_health_threshold", SCALAR).compare("cloudwatch_alarm_name", STRING)
                .compare("cloudwatch_alarm_region", STRING).compare("insufficient_data_health_status", STRING)
                .compare("routing_control_arn", STRING).compareTags()
                .notCompared(NotCompared.CREATE_ONLY, "reference_name")
                .notCompared(NotCompared.TERRAFORM_ONLY, "triggers")
                .importId(ImportIds.SAME_AS_ID).listedBy(HealthCheckCollectors::healthChecks));
    }

    private static List<LiveResource> healthChecks(CollectorContext ctx) {
        List<HealthCheck> checks = ctx.session().route53().listHealthChecksPaginator().healthChecks().stream().toList();
        Map<String, Map<String, Object>> tags = tags(ctx, checks.stream().map(HealthCheck::id)
                .filter(id -> ctx.manages(HEALTH_CHECK, id)).toList());
        return checks.stream()
                .map(check -> ctx.manages(HEALTH_CHECK, check.id())
                        ? ctx.resource(HEALTH_CHECK, check.id(), attributes(check.healthCheckConfig(), tags.get(check.id())))
                        : ctx.identityOnly(HEALTH_CHECK, check.id()))
                .toList();
    }

    /** Booleans AWS leaves out are false and absent numbers 0, as the provider writes them. */
    private static Map<String, Object> attributes(HealthCheckConfig config, Map<String, Object> tags) {
        var alarm = config.alarmIdentifier();
        return Attributes.of()
                .put("type", config.typeAsString())
                .put("fqdn", config.fullyQualifiedDomainName())
                .put("ip_address", config.ipAddress())
                .put("port", config.port())
                .put("resource_path", config.resourcePath())
                .put("search_string", config.searchString())
                .put("failure_threshold", config.failureThreshold())
                .put("request_interval", config.requestInterval())
                .put("measure_latency", Boolean.TRUE.equals(config.measureLatency()))
                .put("invert_healthcheck", Boolean.TRUE.equals(config.inverted()))
                .put("disabled", Boolean.TRUE.equals(config.disabled()))
                .put("enable_sni", Boolean.TRUE.equals(config.enableSNI()))
                .put("regions", config.regionsAsStrings())
                .put("child_healthchecks", config.childHealthChecks())
                .put("child_health_threshold", config.healthThreshold() == null ? 0 : config.healthThreshold())
                .put("cloudwatch_alarm_name", alarm == null ? null : alarm.name())
                .put("cloudwatch_alarm_region", alarm == null ? null : alarm.regionAsString())
                .put("insufficient_data_health_status", config.insufficientDataHealthStatusAsString())
                .put("routing_control_arn", config.routingControlArn())
                .put("tags", tags == null ? Map.of() : tags)
                .build();
    }

    private static Map<String, Map<String, Object>> tags(CollectorContext ctx, List<String> ids) {
        Map<String, Map<String, Object>> tags = new HashMap<>();
        for (int from = 0; from < ids.size(); from += TAG_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + TAG_BATCH));
            for (ResourceTagSet set : ctx.session().route53().listTagsForResources(r -> r
                    .resourceType(TagResourceType.HEALTHCHECK).resourceIds(batch)).resourceTagSets()) {
                tags.put(set.resourceId(), Tags.toMap(set.tags(), Tag::key, Tag::value));
            }
        }
        return tags;
    }
}
