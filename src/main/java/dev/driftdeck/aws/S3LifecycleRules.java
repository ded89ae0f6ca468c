package dev.driftdeck.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;

/**
 * S3 lifecycle rules in the shape {@code aws_s3_bucket_lifecycle_configuration} (provider 5.x, schema version 1)
 * writes to state: every nested block a list of zero or one element ({@code transition} and
 * {@code noncurrent_version_transition} of any number), dates as RFC 3339 text. Fields AWS leaves out are null,
 * which the comparison treats as absent, as it treats Terraform's empty strings and lists; only
 * {@code expired_object_delete_marker} is written false when absent, as Terraform does.
 */
final class S3LifecycleRules {

    private S3LifecycleRules() {
    }

    static List<Object> toState(List<LifecycleRule> rules) {
        return rules.stream().map(S3LifecycleRules::rule).toList();
    }

    private static Object rule(LifecycleRule rule) {
        return Attributes.of()
                .put("id", rule.id())
                .put("status", rule.statusAsString())
                .put("prefix", rule.prefix())
                .put("filter", block(rule.filter(), S3LifecycleRules::filter))
                .put("expiration", block(rule.expiration(), expiration -> Attributes.of()
                        .put("date", text(expiration.date()))
                        .put("days", expiration.days())
                        .put("expired_object_delete_marker", Boolean.TRUE.equals(expiration.expiredObjectDeleteMarker()))
                        .build()))
                .put("transition", rule.transitions().stream().map(transition -> (Object) Attributes.of()
                        .put("date", text(transition.date()))
                        .put("days", transition.days())
                        .put("storage_class", transition.storageClassAsString())
                        .build()).toList())
                .put("noncurrent_version_expiration", block(rule.noncurrentVersionExpiration(), expiration -> Attributes.of()
                        .put("newer_noncurrent_versions", expiration.newerNoncurrentVersions())
                        .put("noncurrent_days", expiration.noncurrentDays())
                        .build()))
                .put("noncurrent_version_transition", rule.noncurrentVersionTransitions().stream()
                        .map(transition -> (Object) Attributes.of()
                                .put("newer_noncurrent_versions", transition.newerNoncurrentVersions())
                                .put("noncurrent_days", transition.noncurrentDays())
                                .put("storage_class", transition.storageClassAsString())
                                .build()).toList())
                .put("abort_incomplete_multipart_upload", block(rule.abortIncompleteMultipartUpload(), abort -> Attributes.of()
                        .put("days_after_initiation", abort.daysAfterInitiation())
                        .build()))
                .build();
    }

    private static Map<String, Object> filter(LifecycleRuleFilter filter) {
        return Attributes.of()
                .put("prefix", filter.prefix())
                .put("object_size_greater_than", filter.objectSizeGreaterThan())
                .put("object_size_less_than", filter.objectSizeLessThan())
                .put("tag", block(filter.tag(), tag -> Attributes.of()
                        .put("key", tag.key())
                        .put("value", tag.value())
                        .build()))
                .put("and", block(filter.and(), S3LifecycleRules::and))
                .build();
    }

    /** Terraform's {@code and} block holds its tags as a map, unlike the filter's single {@code tag} block. */
    private static Map<String, Object> and(LifecycleRuleAndOperator and) {
        return Attributes.of()
                .put("prefix", and.prefix())
                .put("object_size_greater_than", and.objectSizeGreaterThan())
                .put("object_size_less_than", and.objectSizeLessThan())
                .put("tags", Tags.toMap(and.tags(), software.amazon.awssdk.services.s3.model.Tag::key,
                        software.amazon.awssdk.services.s3.model.Tag::value))
                .build();
    }

    /** A nested block as Terraform stores it: a list of one element, or an empty list when AWS has none. */
    static <T> List<Object> block(T value, Function<T, Map<String, Object>> shape) {
        return value == null ? List.of() : List.of(shape.apply(value));
    }

    private static String text(Instant date) {
        return date == null ? null : date.toString();
    }
}
