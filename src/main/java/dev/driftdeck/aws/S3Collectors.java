package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.BY_ID;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import dev.driftdeck.remediation.ImportIds;

/**
 * S3, listed once per account from one shared ListBuckets. S3 has no batch API for bucket details, so every
 * detail call is spent on managed buckets only: the bucket's tags when it is managed, and a sub-configuration
 * (the provider-v4 split resources) when the bucket or that sub-resource is managed. A sub-configuration of a
 * managed bucket that no separate resource manages belongs to the bucket (see {@code ParentLink}); an unmanaged
 * bucket is one UNMANAGED finding, not six.
 */
final class S3Collectors {

    static final String BUCKET = "aws_s3_bucket";
    static final String VERSIONING = "aws_s3_bucket_versioning";
    static final String PUBLIC_ACCESS_BLOCK = "aws_s3_bucket_public_access_block";
    static final String POLICY = "aws_s3_bucket_policy";
    static final String ENCRYPTION = "aws_s3_bucket_server_side_encryption_configuration";
    static final String LIFECYCLE = "aws_s3_bucket_lifecycle_configuration";
    private static final String LIST = "s3:ListAllMyBuckets";
    /** The MFA device serial and code sent with a versioning request that changes MFA delete. */
    static final String MFA = "the MFA serial and code sent with the request; " + NotCompared.NOT_RETURNED;

    private S3Collectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // The bucket's deprecated inline copies of its configurations are compared by the split types
                // (see inline()); reading them here would cost one more call per bucket and configuration.
                CollectorDefinition.global(BUCKET).actions(LIST, "s3:GetBucketTagging").compareTags()
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.CREATE_ONLY, "bucket_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "force_destroy")
                        .notCompared(inline(VERSIONING), "versioning")
                        .notCompared(inline(POLICY), "policy")
                        .notCompared(inline(ENCRYPTION), "server_side_encryption_configuration")
                        .notCompared(inline(LIFECYCLE), "lifecycle_rule")
                        .notCompared(inline(S3ConfigurationCollectors.ACL), "acl", "grant")
                        .notCompared(inline(S3ConfigurationCollectors.CORS), "cors_rule")
                        .notCompared(inline(S3ConfigurationCollectors.LOGGING), "logging")
                        .notCompared(inline(S3ConfigurationCollectors.WEBSITE), "website")
                        .notCompared(inline(S3ConfigurationCollectors.OBJECT_LOCK), "object_lock_configuration",
                                "object_lock_enabled")
                        .notCompared(inline(S3ConfigurationCollectors.REPLICATION), "replication_configuration")
                        .notCompared(inline(S3ConfigurationCollectors.ACCELERATE), "acceleration_status")
                        .notCompared(inline(S3ConfigurationCollectors.REQUEST_PAYMENT), "request_payer")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().buckets().stream()
                                .map(bucket -> ctx.manages(BUCKET, bucket.name())
                                        ? bucketWithTags(ctx, bucket.name())
                                        : Optional.of(ctx.identityOnly(BUCKET, bucket.name())))
                                .flatMap(Optional::stream)
                                .toList()),
                CollectorDefinition.global(VERSIONING).actions(LIST, "s3:GetBucketVersioning")
                        .compare("versioning_configuration", SET).partOf(BUCKET, "bucket").shownOnParentAs("versioning")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .notCompared(S3Collectors.MFA, "mfa")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, VERSIONING, S3Collectors::versioning)),
                // The S3 API operation is GetPublicAccessBlock; the IAM action carries "Bucket".
                CollectorDefinition.global(PUBLIC_ACCESS_BLOCK).actions(LIST, "s3:GetBucketPublicAccessBlock")
                        .compare("block_public_acls", SCALAR).compare("block_public_policy", SCALAR)
                        .compare("ignore_public_acls", SCALAR).compare("restrict_public_buckets", SCALAR)
                        .partOf(BUCKET, "bucket")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, PUBLIC_ACCESS_BLOCK, S3Collectors::publicAccessBlock,
                                "NoSuchPublicAccessBlockConfiguration")),
                CollectorDefinition.global(POLICY).actions(LIST, "s3:GetBucketPolicy")
                        .compare("policy", JSON_DOCUMENT).partOf(BUCKET, "bucket").shownOnParentAs("policy")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, POLICY, S3Collectors::policy, "NoSuchBucketPolicy")),
                // The S3 operation is GetBucketEncryption; the IAM action is s3:GetEncryptionConfiguration.
                CollectorDefinition.global(ENCRYPTION).actions(LIST, "s3:GetEncryptionConfiguration")
                        .compare("rule", SET).partOf(BUCKET, "bucket").shownOnParentAs("server_side_encryption_configuration")
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, ENCRYPTION, S3Collectors::encryption,
                                "ServerSideEncryptionConfigurationNotFoundError")),
                // Rules are matched by id, in any order; each rule compares whole (see S3LifecycleRules).
                CollectorDefinition.global(LIFECYCLE).actions(LIST, "s3:GetLifecycleConfiguration")
                        .compare("rule", BY_ID).partOf(BUCKET, "bucket").shownOnParentAs("lifecycle_rule")
                        .compare("transition_default_minimum_object_size", STRING)
                        .notCompared(NotCompared.IDENTITY, "bucket")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "expected_bucket_owner")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> S3Buckets.collect(ctx, LIFECYCLE, S3Collectors::lifecycle,
                                "NoSuchLifecycleConfiguration"))
        );
    }

    private static Optional<dev.driftdeck.drift.LiveResource> bucketWithTags(CollectorContext ctx, String bucket) {
        try {
            Map<String, Object> tags;
            try {
                tags = Tags.toMap(ctx.s3().getBucketTagging(r -> r.bucket(bucket)).tagSet(),
                        software.amazon.awssdk.services.s3.model.Tag::key,
                        software.amazon.awssdk.services.s3.model.Tag::value);
            } catch (S3Exception e) {
                if (!AwsErrors.hasCode(e, "NoSuchTagSet")) {
                    throw e;
                }
                tags = Map.of();
            }
            return Optional.of(ctx.resource(BUCKET, bucket, Attributes.of().put("tags", tags).build()));
        } catch (S3Exception e) {
            if (S3Buckets.isGone(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Optional<Map<String, Object>> versioning(CollectorContext ctx, String bucket) {
        GetBucketVersioningResponse response = ctx.s3().getBucketVersioning(r -> r.bucket(bucket));
        if (response.status() == null) {
            return Optional.empty();
        }
        Map<String, Object> configuration = Attributes.of()
                .put("mfa_delete", response.mfaDelete() == null ? "" : response.mfaDeleteAsString())
                .put("status", response.statusAsString())
                .build();
        return Optional.of(Attributes.of().put("versioning_configuration", List.of(configuration)).build());
    }

    private static Optional<Map<String, Object>> publicAccessBlock(CollectorContext ctx, String bucket) {
        PublicAccessBlockConfiguration block =
                ctx.s3().getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
        if (block == null) {
            return Optional.empty();
        }
        // An unset flag is false for AWS and for Terraform.
        return Optional.of(Attributes.of()
                .put("block_public_acls", Boolean.TRUE.equals(block.blockPublicAcls()))
                .put("block_public_policy", Boolean.TRUE.equals(block.blockPublicPolicy()))
                .put("ignore_public_acls", Boolean.TRUE.equals(block.ignorePublicAcls()))
                .put("restrict_public_buckets", Boolean.TRUE.equals(block.restrictPublicBuckets()))
                .build());
    }

    private static Optional<Map<String, Object>> policy(CollectorContext ctx, String bucket) {
        String policy = ctx.s3().getBucketPolicy(r -> r.bucket(bucket)).policy();
        if (policy == null || policy.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Attributes.of().put("policy", PolicyDocuments.decode(policy)).build());
    }

    /** The tfstate shape: rule = [{apply_server_side_encryption_by_default = [{...}], bucket_key_enabled}]. */
    private static Optional<Map<String, Object>> encryption(CollectorContext ctx, String bucket) {
        var configuration = ctx.s3().getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration();
        if (configuration == null || configuration.rules().isEmpty()) {
            return Optional.empty();
        }
        List<Object> rules = configuration.rules().stream().map(S3Collectors::encryptionRule).toList();
        return Optional.of(Attributes.of().put("rule", rules).build());
    }

    private static Object encryptionRule(ServerSideEncryptionRule rule) {
        var byDefault = rule.applyServerSideEncryptionByDefault();
        return Attributes.of()
                .put("apply_server_side_encryption_by_default", byDefault == null ? List.of() : List.of(Attributes.of()
                        .put("kms_master_key_id", byDefault.kmsMasterKeyID())
                        .put("sse_algorithm", byDefault.sseAlgorithmAsString())
                        .build()))
                // Terraform writes false when the flag was never set.
                .put("bucket_key_enabled", Boolean.TRUE.equals(rule.bucketKeyEnabled()))
                .build();
    }

    private static Optional<Map<String, Object>> lifecycle(CollectorContext ctx, String bucket) {
        var response = ctx.s3().getBucketLifecycleConfiguration(r -> r.bucket(bucket));
        return response.rules().isEmpty() ? Optional.empty()
                : Optional.of(Attributes.of()
                        .put("rule", S3LifecycleRules.toState(response.rules()))
                        .put("transition_default_minimum_object_size", response.transitionDefaultMinimumObjectSizeAsString())
                        .build());
    }

    /**
     * Why {@code aws_s3_bucket} does not compare its deprecated inline copy of a configuration: the split type
     * compares it; a bucket still written with the inline block (provider v3 style) leaves that configuration
     * uncompared, and its copy goes stale in state as soon as the split resource is applied.
     */
    private static String inline(String splitType) {
        return "deprecated inline copy of " + splitType + ", which compares it (the inline form is not compared)";
    }
}
