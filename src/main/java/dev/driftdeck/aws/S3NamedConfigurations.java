package dev.driftdeck.aws;

import static dev.driftdeck.aws.S3LifecycleRules.block;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.AnalyticsConfiguration;
import software.amazon.awssdk.services.s3.model.IntelligentTieringConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.MetricsConfiguration;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The configurations a bucket can hold several of, each named by its id: inventory, request metrics, storage class
 * analytics, intelligent tiering. Each lister reads one bucket's list completely (S3 pages them by continuation
 * token, up to 100 a page) and returns name to attributes in the shape of the provider's resource
 * ({@code aws_s3_bucket_inventory}, {@code _metric}, {@code _analytics_configuration},
 * {@code _intelligent_tiering_configuration}): nested blocks as lists of zero or one element, filter tags as a map.
 */
final class S3NamedConfigurations {

    private S3NamedConfigurations() {
    }

    static Map<String, Map<String, Object>> inventories(CollectorContext ctx, String bucket) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        String token = null;
        do {
            String page = token;
            var response = ctx.s3().listBucketInventoryConfigurations(r -> r.bucket(bucket).continuationToken(page));
            response.inventoryConfigurationList().forEach(inventory -> byName.put(inventory.id(), inventory(inventory)));
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return byName;
    }

    static Map<String, Map<String, Object>> metrics(CollectorContext ctx, String bucket) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        String token = null;
        do {
            String page = token;
            var response = ctx.s3().listBucketMetricsConfigurations(r -> r.bucket(bucket).continuationToken(page));
            response.metricsConfigurationList().forEach(metric -> byName.put(metric.id(), metric(metric)));
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return byName;
    }

    static Map<String, Map<String, Object>> analytics(CollectorContext ctx, String bucket) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        String token = null;
        do {
            String page = token;
            var response = ctx.s3().listBucketAnalyticsConfigurations(r -> r.bucket(bucket).continuationToken(page));
            response.analyticsConfigurationList().forEach(analytics -> byName.put(analytics.id(), analytics(analytics)));
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return byName;
    }

    static Map<String, Map<String, Object>> intelligentTiering(CollectorContext ctx, String bucket) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        String token = null;
        do {
            String page = token;
            var response = ctx.s3().listBucketIntelligentTieringConfigurations(r -> r.bucket(bucket).continuationToken(page));
            response.intelligentTieringConfigurationList().forEach(tiering -> byName.put(tiering.id(), tiering(tiering)));
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return byName;
    }

    private static Map<String, Object> inventory(InventoryConfiguration inventory) {
        return Attributes.of()
                .put("enabled", Boolean.TRUE.equals(inventory.isEnabled()))
                .put("included_object_versions", inventory.includedObjectVersionsAsString())
                .put("optional_fields", inventory.optionalFieldsAsStrings())
                .put("filter", block(inventory.filter(), filter -> Attributes.of().put("prefix", filter.prefix()).build()))
                .put("schedule", block(inventory.schedule(), schedule -> Attributes.of()
                        .put("frequency", schedule.frequencyAsString()).build()))
                .put("destination", block(inventory.destination(), destination -> Attributes.of()
                        .put("bucket", block(destination.s3BucketDestination(), target -> Attributes.of()
                                .put("account_id", target.accountId())
                                .put("bucket_arn", target.bucket())
                                .put("format", target.formatAsString())
                                .put("prefix", target.prefix())
                                // sse_s3 is an empty block: it compares as absent (see DECISIONS).
                                .put("encryption", block(target.encryption(), encryption -> Attributes.of()
                                        .put("sse_kms", block(encryption.ssekms(), kms -> Attributes.of()
                                                .put("key_id", kms.keyId()).build()))
                                        .put("sse_s3", encryption.sses3() == null ? List.of() : List.of(Map.of()))
                                        .build()))
                                .build()))
                        .build()))
                .build();
    }

    private static Map<String, Object> metric(MetricsConfiguration metric) {
        return Attributes.of()
                .put("filter", block(metric.filter(), filter -> filter.and() != null
                        ? filter(filter.and().prefix(), filter.and().tags(), filter.and().accessPointArn())
                        : filter(filter.prefix(), filter.tag() == null ? List.of() : List.of(filter.tag()),
                                filter.accessPointArn())))
                .build();
    }

    private static Map<String, Object> analytics(AnalyticsConfiguration analytics) {
        return Attributes.of()
                .put("filter", block(analytics.filter(), filter -> filter.and() != null
                        ? filter(filter.and().prefix(), filter.and().tags(), null)
                        : filter(filter.prefix(), filter.tag() == null ? List.of() : List.of(filter.tag()), null)))
                .put("storage_class_analysis", block(analytics.storageClassAnalysis(), analysis -> Attributes.of()
                        .put("data_export", block(analysis.dataExport(), export -> Attributes.of()
                                .put("output_schema_version", export.outputSchemaVersionAsString())
                                .put("destination", block(export.destination(), destination -> Attributes.of()
                                        .put("s3_bucket_destination", block(destination.s3BucketDestination(),
                                                target -> Attributes.of()
                                                        .put("bucket_account_id", target.bucketAccountId())
                                                        .put("bucket_arn", target.bucket())
                                                        .put("format", target.formatAsString())
                                                        .put("prefix", target.prefix())
                                                        .build()))
                                        .build()))
                                .build()))
                        .build()))
                .build();
    }

    private static Map<String, Object> tiering(IntelligentTieringConfiguration tiering) {
        return Attributes.of()
                .put("status", tiering.statusAsString())
                .put("filter", block(tiering.filter(), filter -> filter.and() != null
                        ? filter(filter.and().prefix(), filter.and().tags(), null)
                        : filter(filter.prefix(), filter.tag() == null ? List.of() : List.of(filter.tag()), null)))
                .put("tiering", tiering.tierings().stream().map(tier -> (Object) Attributes.of()
                        .put("access_tier", tier.accessTierAsString())
                        .put("days", tier.days())
                        .build()).toList())
                .build();
    }

    /**
     * The provider's filter block: a prefix, the tags as one map (a single tag or an {@code and} of several), and for
     * metrics an access point (null elsewhere, which compares as absent).
     */
    private static Map<String, Object> filter(String prefix, List<Tag> tags, String accessPoint) {
        return Attributes.of()
                .put("access_point", accessPoint)
                .put("prefix", prefix)
                .put("tags", Tags.toMap(tags, Tag::key, Tag::value))
                .build();
    }
}
