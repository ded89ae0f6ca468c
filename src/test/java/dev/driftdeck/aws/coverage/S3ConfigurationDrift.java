package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAccelerateStatus;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.InventoryConfiguration;
import software.amazon.awssdk.services.s3.model.InventoryFormat;
import software.amazon.awssdk.services.s3.model.InventoryFrequency;
import software.amazon.awssdk.services.s3.model.InventoryIncludedObjectVersions;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * What an operator does in the console to the {@code fixtures/terraform/s3-configuration} buckets: edits, deletions
 * and hand-made configurations; returns the findings a scan must then report, as {@link CoverageFixture#drift}
 * renders them.
 */
final class S3ConfigurationDrift {

    private static final String SITE = "s3cfg-site";
    private static final String LOGS = "s3cfg-logs";
    private static final String REPLICA = "s3cfg-replica";
    private static final String LOCKED = "s3cfg-locked";

    private S3ConfigurationDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        try (S3Client s3 = MotoClients.s3()) {
            // Edits of managed configurations, each on the compared attribute it changes.
            s3.putBucketOwnershipControls(r -> r.bucket(SITE).ownershipControls(o -> o.rules(
                    rule -> rule.objectOwnership(ObjectOwnership.OBJECT_WRITER))));
            expected.add("CHANGED aws_s3_bucket_ownership_controls.site rule");

            GetBucketAclResponse acl = s3.getBucketAcl(r -> r.bucket(SITE));
            s3.putBucketAcl(r -> r.bucket(SITE).accessControlPolicy(p -> p.owner(acl.owner()).grants(
                    grant -> grant.grantee(g -> g.type(Type.CANONICAL_USER).id(acl.owner().id()))
                            .permission(Permission.FULL_CONTROL),
                    grant -> grant.grantee(g -> g.type(Type.GROUP).uri("http://acs.amazonaws.com/groups/global/AllUsers"))
                            .permission(Permission.READ))));
            expected.add("CHANGED aws_s3_bucket_acl.site access_control_policy");

            s3.putBucketCors(r -> r.bucket(SITE).corsConfiguration(c -> c.corsRules(
                    rule -> rule.allowedMethods("GET").allowedOrigins("*"),
                    rule -> rule.allowedMethods("GET", "PUT", "DELETE").allowedOrigins("*"))));
            expected.add("CHANGED aws_s3_bucket_cors_configuration.site cors_rule");

            s3.putBucketLogging(r -> r.bucket(SITE).bucketLoggingStatus(l -> l.loggingEnabled(e -> e
                    .targetBucket(LOGS).targetPrefix("elsewhere/"))));
            expected.add("CHANGED aws_s3_bucket_logging.site target_prefix");

            String topic = f.attribute("aws_sns_topic.uploads", "arn");
            String topicId = String.valueOf(((java.util.Map<?, ?>) ((List<?>) f.byAddress
                    .get("aws_s3_bucket_notification.site").attributes().get("topic")).getFirst()).get("id"));
            s3.putBucketNotificationConfiguration(r -> r.bucket(SITE).notificationConfiguration(n -> n
                    .topicConfigurations(t -> t.id(topicId).topicArn(topic)
                            .events(Event.S3_OBJECT_CREATED, Event.S3_OBJECT_REMOVED))));
            expected.add("CHANGED aws_s3_bucket_notification.site topic");

            s3.putBucketReplication(r -> r.bucket(SITE).replicationConfiguration(c -> c
                    .role(f.attribute("aws_iam_role.replication", "arn"))
                    .rules(rule -> rule.id("everything").priority(0).status(ReplicationRuleStatus.ENABLED)
                            .filter(filter -> filter.prefix(""))
                            .deleteMarkerReplication(d -> d.status("Disabled"))
                            .destination(d -> d.bucket("arn:aws:s3:::" + REPLICA).storageClass(StorageClass.GLACIER)))));
            expected.add("CHANGED aws_s3_bucket_replication_configuration.site rule.everything");

            s3.putObjectLockConfiguration(r -> r.bucket(LOCKED).objectLockConfiguration(c -> c
                    .objectLockEnabled(ObjectLockEnabled.ENABLED)
                    .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(30)))));
            expected.add("CHANGED aws_s3_bucket_object_lock_configuration.locked rule");

            s3.putBucketAccelerateConfiguration(r -> r.bucket(SITE)
                    .accelerateConfiguration(a -> a.status(BucketAccelerateStatus.SUSPENDED)));
            expected.add("CHANGED aws_s3_bucket_accelerate_configuration.site status");

            s3.putBucketInventoryConfiguration(r -> r.bucket(SITE).id("inventory-0")
                    .inventoryConfiguration(inventory("inventory-0", InventoryFrequency.DAILY, "inventory")));
            s3.putBucketInventoryConfiguration(r -> r.bucket(SITE).id("inventory-1")
                    .inventoryConfiguration(inventory("inventory-1", InventoryFrequency.WEEKLY, "elsewhere")));
            expected.addAll(List.of("CHANGED aws_s3_bucket_inventory.site[0] schedule",
                    "CHANGED aws_s3_bucket_inventory.site[1] destination"));

            // Deletions.
            s3.deleteBucketWebsite(r -> r.bucket(SITE));
            s3.deleteBucketOwnershipControls(r -> r.bucket(LOGS));
            // (moto 5.2.1 cannot delete an inventory configuration: it takes the request for a bucket deletion.)
            expected.addAll(List.of("MISSING aws_s3_bucket_website_configuration.site",
                    "MISSING aws_s3_bucket_ownership_controls.logs"));

            // Made by hand on managed buckets: what aws_s3_bucket cannot hold inline is unmanaged; what it can (CORS)
            // is the bucket's business; AWS's own default ownership control is noise.
            s3.putBucketInventoryConfiguration(r -> r.bucket(SITE).id("by-hand")
                    .inventoryConfiguration(inventory("by-hand", InventoryFrequency.WEEKLY, "inventory")));
            s3.putBucketNotificationConfiguration(r -> r.bucket(REPLICA).notificationConfiguration(n -> n
                    .topicConfigurations(t -> t.id("by-hand").topicArn(topic).events(Event.S3_OBJECT_CREATED))));
            s3.putBucketOwnershipControls(r -> r.bucket(LOCKED).ownershipControls(o -> o.rules(
                    rule -> rule.objectOwnership(ObjectOwnership.OBJECT_WRITER))));
            s3.putBucketOwnershipControls(r -> r.bucket(REPLICA).ownershipControls(o -> o.rules(
                    rule -> rule.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
            s3.putBucketCors(r -> r.bucket(REPLICA).corsConfiguration(c -> c.corsRules(
                    rule -> rule.allowedMethods("GET").allowedOrigins("*"))));
            expected.addAll(List.of("UNMANAGED aws_s3_bucket_inventory " + SITE + ":by-hand",
                    "UNMANAGED aws_s3_bucket_notification " + REPLICA,
                    "UNMANAGED aws_s3_bucket_ownership_controls " + LOCKED));

            // A bucket made by hand is one finding, its configurations are not looked at.
            s3.createBucket(r -> r.bucket("s3cfg-by-hand"));
            s3.putBucketCors(r -> r.bucket("s3cfg-by-hand").corsConfiguration(c -> c.corsRules(
                    rule -> rule.allowedMethods("GET").allowedOrigins("*"))));
            s3.putBucketNotificationConfiguration(r -> r.bucket("s3cfg-by-hand").notificationConfiguration(n -> n
                    .topicConfigurations(t -> t.id("by-hand").topicArn(topic).events(Event.S3_OBJECT_CREATED))));
            expected.add("UNMANAGED aws_s3_bucket s3cfg-by-hand");
        }
        return expected;
    }

    private static InventoryConfiguration inventory(String name, InventoryFrequency frequency, String prefix) {
        return InventoryConfiguration.builder().id(name).isEnabled(true)
                .includedObjectVersions(InventoryIncludedObjectVersions.ALL)
                .schedule(s -> s.frequency(frequency))
                .destination(d -> d.s3BucketDestination(b -> b.bucket("arn:aws:s3:::" + LOGS)
                        .format(InventoryFormat.CSV).prefix(prefix)))
                .build();
    }
}
