package dev.driftdeck.aws;

import static dev.driftdeck.aws.S3LifecycleRules.block;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.Destination;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleFilter;
import software.amazon.awssdk.services.s3.model.SourceSelectionCriteria;

/**
 * S3 replication rules in the shape {@code aws_s3_bucket_replication_configuration} (provider 5.x) writes to state:
 * every nested block a list of zero or one element, {@code priority} {@code 0} when AWS has none (as the provider
 * writes it), the filter's {@code and} tags as a map. Rules are compared by their {@code id} (AWS gives every rule
 * one), like lifecycle rules.
 */
final class S3ReplicationRules {

    private S3ReplicationRules() {
    }

    static List<Object> toState(List<ReplicationRule> rules) {
        return rules.stream().map(S3ReplicationRules::rule).toList();
    }

    private static Object rule(ReplicationRule rule) {
        return Attributes.of()
                .put("id", rule.id())
                .put("prefix", rule.prefix())
                .put("priority", rule.priority() == null ? 0 : rule.priority())
                .put("status", rule.statusAsString())
                .put("delete_marker_replication", block(rule.deleteMarkerReplication(), marker -> Attributes.of()
                        .put("status", marker.statusAsString()).build()))
                .put("destination", block(rule.destination(), S3ReplicationRules::destination))
                .put("existing_object_replication", block(rule.existingObjectReplication(), existing -> Attributes.of()
                        .put("status", existing.statusAsString()).build()))
                .put("filter", block(rule.filter(), S3ReplicationRules::filter))
                .put("source_selection_criteria", block(rule.sourceSelectionCriteria(), S3ReplicationRules::criteria))
                .build();
    }

    private static Map<String, Object> destination(Destination destination) {
        return Attributes.of()
                .put("account", destination.account())
                .put("bucket", destination.bucket())
                .put("storage_class", destination.storageClassAsString())
                .put("access_control_translation", block(destination.accessControlTranslation(), translation ->
                        Attributes.of().put("owner", translation.ownerAsString()).build()))
                .put("encryption_configuration", block(destination.encryptionConfiguration(), encryption ->
                        Attributes.of().put("replica_kms_key_id", encryption.replicaKmsKeyID()).build()))
                .put("metrics", block(destination.metrics(), metrics -> Attributes.of()
                        .put("status", metrics.statusAsString())
                        .put("event_threshold", block(metrics.eventThreshold(), threshold -> Attributes.of()
                                .put("minutes", threshold.minutes()).build()))
                        .build()))
                .put("replication_time", block(destination.replicationTime(), time -> Attributes.of()
                        .put("status", time.statusAsString())
                        .put("time", block(time.time(), value -> Attributes.of().put("minutes", value.minutes()).build()))
                        .build()))
                .build();
    }

    private static Map<String, Object> filter(ReplicationRuleFilter filter) {
        return Attributes.of()
                .put("prefix", filter.prefix())
                .put("tag", block(filter.tag(), tag -> Attributes.of()
                        .put("key", tag.key())
                        .put("value", tag.value())
                        .build()))
                .put("and", block(filter.and(), and -> Attributes.of()
                        .put("prefix", and.prefix())
                        .put("tags", Tags.toMap(and.tags(), software.amazon.awssdk.services.s3.model.Tag::key,
                                software.amazon.awssdk.services.s3.model.Tag::value))
                        .build()))
                .build();
    }

    private static Map<String, Object> criteria(SourceSelectionCriteria criteria) {
        return Attributes.of()
                .put("replica_modifications", block(criteria.replicaModifications(), modifications ->
                        Attributes.of().put("status", modifications.statusAsString()).build()))
                .put("sse_kms_encrypted_objects", block(criteria.sseKmsEncryptedObjects(), encrypted ->
                        Attributes.of().put("status", encrypted.statusAsString()).build()))
                .build();
    }
}
