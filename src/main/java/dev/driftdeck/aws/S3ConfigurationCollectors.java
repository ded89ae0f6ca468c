package dev.driftdeck.aws;

import static dev.driftdeck.aws.S3Collectors.BUCKET;
import static dev.driftdeck.drift.Normalization.BY_ID;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.driftdeck.remediation.ImportIds;

/**
 * The rest of the provider-v4+ S3 split resources the community s3-bucket module writes, listed as
 * {@link S3Collectors} lists the first ones: from the one shared ListBuckets, with one detail call per bucket and
 * type spent only on buckets a state manages (as the bucket or through one of these resources), and "not
 * configured" (AWS's NoSuch... error, or an empty answer) read as absent. What each type compares, and what it
 * deliberately does not, is in docs/DECISIONS.md ("S3 bucket configurations").
 *
 * <p>The ones {@code aws_s3_bucket} can still hold inline (ACL, CORS, logging, website, object lock, replication,
 * accelerate, request payment) are {@code partOf} the bucket: under a managed bucket they are its business. The
 * ones it never held (ownership controls, notification, and the named inventory, metrics, analytics and
 * intelligent tiering configurations) are UNMANAGED under a managed bucket when no state manages them, except
 * AWS's default ownership control ({@code BucketOwnerEnforced}, on every bucket made since April 2023) unless
 * {@code --strict}.
 */
final class S3ConfigurationCollectors {

    static final String OWNERSHIP_CONTROLS = "aws_s3_bucket_ownership_controls";
    static final String ACL = "aws_s3_bucket_acl";
    static final String CORS = "aws_s3_bucket_cors_configuration";
    static final String LOGGING = "aws_s3_bucket_logging";
    static final String WEBSITE = "aws_s3_bucket_website_configuration";
    static final String OBJECT_LOCK = "aws_s3_bucket_object_lock_configuration";
    static final String REPLICATION = "aws_s3_bucket_replication_configuration";
    static final String NOTIFICATION = "aws_s3_bucket_notification";
    static final String ACCELERATE = "aws_s3_bucket_accelerate_configuration";
    static final String REQUEST_PAYMENT = "aws_s3_bucket_request_payment_configuration";
    static final String INVENTORY = "aws_s3_bucket_inventory";
    static final String METRIC = "aws_s3_bucket_metric";
    static final String ANALYTICS = "aws_s3_bucket_analytics_configuration";
    static final String INTELLIGENT_TIERING = "aws_s3_bucket_intelligent_tiering_configuration";
    private static final String LIST = "s3:ListAllMyBuckets";
    private static final String AWS_DEFAULT_OWNERSHIP = "BucketOwnerEnforced";
    /** The provider's JSON twin of {@code routing_rule}. */
    private static final String ROUTING_RULES_JSON = "the same rules as routing_rule (compared), written as JSON";

    private S3ConfigurationCollectors() {
    }

    // The state id of most of these is "<bucket>[,<expected owner>][,<canned acl>]": matched on the bucket (idFrom).
    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.global(OWNERSHIP_CONTROLS).actions(LIST, "s3:GetBucketOwnershipControls")
                        .compare("rule", SET)
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, OWNERSHIP_CONTROLS,
                                S3ConfigurationCollectors::ownershipControls, "OwnershipControlsNotFoundError")),
                CollectorDefinition.global(ACL).actions(LIST, "s3:GetBucketAcl").idFrom("bucket")
                        .compare("access_control_policy", SET).partOf(BUCKET, "bucket").shownOnParentAs("grant")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .notCompared(NotCompared.NOT_RETURNED, "acl")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, ACL, (c, bucket) -> Optional.of(
                                S3ConfigurationShapes.accessControlPolicy(c.s3().getBucketAcl(r -> r.bucket(bucket)))))),
                // The S3 operation is GetBucketCors; the IAM action is s3:GetBucketCORS.
                CollectorDefinition.global(CORS).actions(LIST, "s3:GetBucketCORS").idFrom("bucket")
                        .compare("cors_rule", SET).partOf(BUCKET, "bucket").shownOnParentAs("cors_rule")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, CORS, S3ConfigurationCollectors::cors,
                                "NoSuchCORSConfiguration")),
                CollectorDefinition.global(LOGGING).actions(LIST, "s3:GetBucketLogging").idFrom("bucket")
                        .compare("target_bucket", STRING).compare("target_prefix", STRING)
                        .compare("target_grant", SET).compare("target_object_key_format", SET)
                        .partOf(BUCKET, "bucket").shownOnParentAs("logging")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, LOGGING, S3ConfigurationCollectors::logging)),
                CollectorDefinition.global(WEBSITE).actions(LIST, "s3:GetBucketWebsite").idFrom("bucket")
                        .compare("index_document", SET).compare("error_document", SET)
                        .compare("redirect_all_requests_to", SET).compare("routing_rule", SET)
                        .partOf(BUCKET, "bucket").shownOnParentAs("website")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .notCompared(ROUTING_RULES_JSON, "routing_rules")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, WEBSITE, (c, bucket) -> Optional.of(
                                S3ConfigurationShapes.website(c.s3().getBucketWebsite(r -> r.bucket(bucket)))),
                                "NoSuchWebsiteConfiguration")),
                // The S3 operation is GetObjectLockConfiguration; the IAM action carries "Bucket".
                CollectorDefinition.global(OBJECT_LOCK).actions(LIST, "s3:GetBucketObjectLockConfiguration")
                        .idFrom("bucket").compare("object_lock_enabled", STRING).compare("rule", SET)
                        .partOf(BUCKET, "bucket").shownOnParentAs("object_lock_configuration")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "token")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, OBJECT_LOCK, S3ConfigurationCollectors::objectLock,
                                "ObjectLockConfigurationNotFoundError")),
                // The S3 operation is GetBucketReplication; the IAM action is s3:GetReplicationConfiguration.
                CollectorDefinition.global(REPLICATION).actions(LIST, "s3:GetReplicationConfiguration")
                        .compare("role", STRING).compare("rule", BY_ID).partOf(BUCKET, "bucket").shownOnParentAs("replication_configuration")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "token")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, REPLICATION, S3ConfigurationCollectors::replication,
                                "ReplicationConfigurationNotFoundError")),
                // The S3 operation is GetBucketNotificationConfiguration; the IAM action is s3:GetBucketNotification.
                CollectorDefinition.global(NOTIFICATION).actions(LIST, "s3:GetBucketNotification")
                        .compare("eventbridge", SCALAR).compare("topic", SET).compare("queue", SET)
                        .compare("lambda_function", SET)
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, NOTIFICATION, S3ConfigurationCollectors::notification)),
                // The S3 operation is GetBucketAccelerateConfiguration; the IAM action is s3:GetAccelerateConfiguration.
                CollectorDefinition.global(ACCELERATE).actions(LIST, "s3:GetAccelerateConfiguration").idFrom("bucket")
                        .compare("status", STRING).partOf(BUCKET, "bucket").shownOnParentAs("acceleration_status")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, ACCELERATE, S3ConfigurationCollectors::accelerate)),
                CollectorDefinition.global(REQUEST_PAYMENT).actions(LIST, "s3:GetBucketRequestPayment").idFrom("bucket")
                        .compare("payer", STRING).partOf(BUCKET, "bucket").shownOnParentAs("request_payer")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, REQUEST_PAYMENT, S3ConfigurationCollectors::requestPayment)),
                // The List*Configurations operations are allowed by the Get*Configuration IAM actions.
                CollectorDefinition.global(INVENTORY).actions(LIST, "s3:GetInventoryConfiguration")
                        .compare("enabled", SCALAR).compare("included_object_versions", STRING)
                        .compare("optional_fields", SET).compare("filter", SET).compare("schedule", SET)
                        .compare("destination", SET)
                        .notCompared(NotCompared.IDENTITY, "bucket", "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collectNamed(ctx, INVENTORY, S3NamedConfigurations::inventories)),
                CollectorDefinition.global(METRIC).actions(LIST, "s3:GetMetricsConfiguration")
                        .compare("filter", SET)
                        .notCompared(NotCompared.IDENTITY, "bucket", "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collectNamed(ctx, METRIC, S3NamedConfigurations::metrics)),
                CollectorDefinition.global(ANALYTICS).actions(LIST, "s3:GetAnalyticsConfiguration")
                        .compare("filter", SET).compare("storage_class_analysis", SET)
                        .notCompared(NotCompared.IDENTITY, "bucket", "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collectNamed(ctx, ANALYTICS, S3NamedConfigurations::analytics)),
                CollectorDefinition.global(INTELLIGENT_TIERING).actions(LIST, "s3:GetIntelligentTieringConfiguration")
                        .compare("status", STRING).compare("filter", SET).compare("tiering", SET)
                        .notCompared(NotCompared.IDENTITY, "bucket", "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collectNamed(ctx, INTELLIGENT_TIERING,
                                S3NamedConfigurations::intelligentTiering))
        );
    }

    private static Optional<Map<String, Object>> ownershipControls(CollectorContext ctx, String bucket) {
        var controls = ctx.s3().getBucketOwnershipControls(r -> r.bucket(bucket)).ownershipControls();
        if (controls == null || controls.rules().isEmpty()) {
            return Optional.empty();
        }
        List<Object> rules = controls.rules().stream().map(rule -> (Object) Attributes.of()
                .put("object_ownership", rule.objectOwnershipAsString()).build()).toList();
        boolean awsDefault = controls.rules().stream()
                .allMatch(rule -> AWS_DEFAULT_OWNERSHIP.equals(rule.objectOwnershipAsString()));
        if (awsDefault && !ctx.strict() && !ctx.manages(OWNERSHIP_CONTROLS, bucket)) {
            return Optional.empty();
        }
        return Optional.of(Attributes.of().put("rule", rules).build());
    }

    private static Optional<Map<String, Object>> cors(CollectorContext ctx, String bucket) {
        var rules = ctx.s3().getBucketCors(r -> r.bucket(bucket)).corsRules();
        return rules.isEmpty() ? Optional.empty()
                : Optional.of(Attributes.of().put("cors_rule", S3ConfigurationShapes.corsRules(rules)).build());
    }

    private static Optional<Map<String, Object>> logging(CollectorContext ctx, String bucket) {
        var logging = ctx.s3().getBucketLogging(r -> r.bucket(bucket)).loggingEnabled();
        return logging == null ? Optional.empty() : Optional.of(S3ConfigurationShapes.logging(logging));
    }

    private static Optional<Map<String, Object>> objectLock(CollectorContext ctx, String bucket) {
        var lock = ctx.s3().getObjectLockConfiguration(r -> r.bucket(bucket)).objectLockConfiguration();
        return lock == null ? Optional.empty() : Optional.of(S3ConfigurationShapes.objectLock(lock));
    }

    private static Optional<Map<String, Object>> replication(CollectorContext ctx, String bucket) {
        var replication = ctx.s3().getBucketReplication(r -> r.bucket(bucket)).replicationConfiguration();
        if (replication == null || replication.rules().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Attributes.of()
                .put("role", replication.role())
                .put("rule", S3ReplicationRules.toState(replication.rules()))
                .build());
    }

    private static Optional<Map<String, Object>> notification(CollectorContext ctx, String bucket) {
        var notification = ctx.s3().getBucketNotificationConfiguration(r -> r.bucket(bucket));
        return S3ConfigurationShapes.isEmpty(notification) ? Optional.empty()
                : Optional.of(S3ConfigurationShapes.notification(notification));
    }

    /** A bucket where acceleration was never turned on has no status; one turned off says Suspended. */
    private static Optional<Map<String, Object>> accelerate(CollectorContext ctx, String bucket) {
        String status = ctx.s3().getBucketAccelerateConfiguration(r -> r.bucket(bucket)).statusAsString();
        return status == null ? Optional.empty() : Optional.of(Attributes.of().put("status", status).build());
    }

    /** AWS always answers a payer (BucketOwner unless changed); only an answer without one is absent. */
    private static Optional<Map<String, Object>> requestPayment(CollectorContext ctx, String bucket) {
        String payer = ctx.s3().getBucketRequestPayment(r -> r.bucket(bucket)).payerAsString();
        return payer == null ? Optional.empty() : Optional.of(Attributes.of().put("payer", payer).build());
    }
}
