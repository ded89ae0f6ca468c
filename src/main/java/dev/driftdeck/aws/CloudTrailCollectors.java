package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.InsightNotEnabledException;
import software.amazon.awssdk.services.cloudtrail.model.ResourceTag;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import dev.driftdeck.remediation.ImportIds;

/**
 * CloudTrail trails, per region: DescribeTrails without shadow trails (one call, no pages), so a multi-region trail is
 * listed in its home region only and an organization's trail is not listed in member accounts. A managed trail
 * costs GetTrailStatus (is it logging: the setting an intruder turns off first), GetEventSelectors and
 * GetInsightSelectors; tags cost one ListTags per 20 managed trails.
 */
final class CloudTrailCollectors {

    static final String TRAIL = "aws_cloudtrail";
    private static final int TAG_BATCH = 20;

    private CloudTrailCollectors() {
    }

    static List<CollectorDefinition> all() {
        // Terraform's id (provider 5.x) is the trail's ARN.
        return List.of(CollectorDefinition.regional(TRAIL)
                .actions("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors",
                        "cloudtrail:GetInsightSelectors", "cloudtrail:ListTags")
                .compare("enable_logging", SCALAR).compare("s3_bucket_name", STRING).compare("s3_key_prefix", STRING)
                .compare("sns_topic_name", STRING).compare("include_global_service_events", SCALAR)
                .compare("is_multi_region_trail", SCALAR).compare("is_organization_trail", SCALAR)
                .compare("enable_log_file_validation", SCALAR).compare("cloud_watch_logs_group_arn", STRING)
                .compare("cloud_watch_logs_role_arn", STRING).compare("kms_key_id", STRING)
                .compare("event_selector", SET).compare("advanced_event_selector", SET)
                .compare("insight_selector", SET).compareTags()
                .notCompared(NotCompared.IDENTITY, "name")
                .importId(ImportIds.SAME_AS_ID).listedBy(CloudTrailCollectors::trails));
    }

    private static List<LiveResource> trails(CollectorContext ctx) {
        CloudTrailClient cloudTrail = ctx.session().cloudTrail(ctx.region());
        List<Trail> trails = cloudTrail.describeTrails(r -> r.includeShadowTrails(false)).trailList();
        Map<String, Map<String, Object>> tags = tags(cloudTrail, trails.stream().map(Trail::trailARN)
                .filter(arn -> ctx.manages(TRAIL, arn)).toList());
        List<LiveResource> resources = new ArrayList<>();
        for (Trail trail : trails) {
            if (!ctx.manages(TRAIL, trail.trailARN())) {
                resources.add(ctx.identityOnly(TRAIL, trail.trailARN()));
                continue;
            }
            boolean logging = Boolean.TRUE.equals(cloudTrail.getTrailStatus(r -> r.name(trail.trailARN())).isLogging());
            GetEventSelectorsResponse selectors = cloudTrail.getEventSelectors(r -> r.trailName(trail.trailARN()));
            resources.add(ctx.resource(TRAIL, trail.trailARN(), Attributes.of()
                    .put("enable_logging", logging)
                    .put("s3_bucket_name", trail.s3BucketName())
                    .put("s3_key_prefix", trail.s3KeyPrefix())
                    .put("sns_topic_name", trail.snsTopicName())
                    .put("include_global_service_events", Boolean.TRUE.equals(trail.includeGlobalServiceEvents()))
                    .put("is_multi_region_trail", Boolean.TRUE.equals(trail.isMultiRegionTrail()))
                    .put("is_organization_trail", Boolean.TRUE.equals(trail.isOrganizationTrail()))
                    .put("enable_log_file_validation", Boolean.TRUE.equals(trail.logFileValidationEnabled()))
                    .put("cloud_watch_logs_group_arn", trail.cloudWatchLogsLogGroupArn())
                    .put("cloud_watch_logs_role_arn", trail.cloudWatchLogsRoleArn())
                    .put("kms_key_id", trail.kmsKeyId())
                    .put("event_selector", eventSelectors(selectors))
                    .put("advanced_event_selector", advancedSelectors(selectors))
                    .put("insight_selector", insightSelectors(cloudTrail, trail.trailARN()))
                    .put("tags", tags.getOrDefault(trail.trailARN(), Map.of()))
                    .build()));
        }
        return resources;
    }

    /**
     * As the provider reads them: none when AWS answers one selector for all reads and writes with no data event and
     * no excluded source, which is what it answers for a trail never given selectors.
     */
    private static List<Map<String, Object>> eventSelectors(GetEventSelectorsResponse response) {
        List<Map<String, Object>> selectors = response.eventSelectors().stream().map(selector -> Attributes.of()
                .put("read_write_type", selector.readWriteTypeAsString())
                .put("include_management_events", Boolean.TRUE.equals(selector.includeManagementEvents()))
                .put("exclude_management_event_sources", selector.excludeManagementEventSources())
                .put("data_resource", selector.dataResources().stream().map(resource -> Attributes.of()
                        .put("type", resource.type())
                        .put("values", resource.values())
                        .build()).toList())
                .build()).toList();
        boolean onlyTheDefault = selectors.size() == 1 && "All".equals(selectors.getFirst().get("read_write_type"))
                && ((List<?>) selectors.getFirst().get("data_resource")).isEmpty()
                && ((List<?>) selectors.getFirst().get("exclude_management_event_sources")).isEmpty();
        return onlyTheDefault ? List.of() : selectors;
    }

    private static List<Map<String, Object>> advancedSelectors(GetEventSelectorsResponse response) {
        return response.advancedEventSelectors().stream().map(selector -> Attributes.of()
                .put("name", selector.name())
                .put("field_selector", selector.fieldSelectors().stream().map(CloudTrailCollectors::fieldSelector).toList())
                .build()).toList();
    }

    private static Map<String, Object> fieldSelector(AdvancedFieldSelector field) {
        return Attributes.of()
                .put("field", field.field())
                .put("equals", field.equalsValue())
                .put("not_equals", field.notEquals())
                .put("starts_with", field.startsWith())
                .put("not_starts_with", field.notStartsWith())
                .put("ends_with", field.endsWith())
                .put("not_ends_with", field.notEndsWith())
                .build();
    }

    /** A trail that never had Insights answers InsightNotEnabledException: no selector. */
    private static List<Map<String, Object>> insightSelectors(CloudTrailClient cloudTrail, String trailArn) {
        try {
            return cloudTrail.getInsightSelectors(r -> r.trailName(trailArn)).insightSelectors().stream()
                    .map(selector -> Map.<String, Object>of("insight_type", selector.insightTypeAsString())).toList();
        } catch (InsightNotEnabledException never) {
            return List.of();
        }
    }

    private static Map<String, Map<String, Object>> tags(CloudTrailClient cloudTrail, List<String> arns) {
        Map<String, Map<String, Object>> tags = new HashMap<>();
        for (int from = 0; from < arns.size(); from += TAG_BATCH) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + TAG_BATCH));
            cloudTrail.listTagsPaginator(r -> r.resourceIdList(batch)).resourceTagList().forEach((ResourceTag list) ->
                    tags.put(list.resourceId(), Tags.toMap(list.tagsList(), t -> t.key(), t -> t.value())));
        }
        return tags;
    }
}
