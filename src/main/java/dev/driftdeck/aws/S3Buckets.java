package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the per-bucket sub-resource collectors share: one detail call per bucket, absent when not configured. */
final class S3Buckets {

    private S3Buckets() {
    }

    /** The bucket was deleted between ListBuckets and the detail call: it simply is not there any more. */
    static boolean isGone(S3Exception e) {
        return AwsErrors.hasCode(e, "NoSuchBucket");
    }

    /**
     * One resource per managed bucket (managed as {@code aws_s3_bucket} or as {@code type}) for which
     * {@code detail} finds a configuration; {@code notConfigured} are the error codes with which S3 says "this
     * bucket has none". Each resource carries {@code bucket}, the parent link the reconciler follows.
     */
    static List<LiveResource> collect(CollectorContext ctx, String type,
                                      BiFunction<CollectorContext, String, Optional<Map<String, Object>>> detail,
                                      String... notConfigured) {
        List<LiveResource> resources = new ArrayList<>();
        for (Bucket bucket : ctx.session().buckets()) {
            if (!ctx.manages(S3Collectors.BUCKET, bucket.name()) && !ctx.manages(type, bucket.name())) {
                continue;
            }
            try {
                detail.apply(ctx, bucket.name()).ifPresent(attributes -> {
                    Map<String, Object> withParent = new java.util.LinkedHashMap<>(attributes);
                    withParent.put("bucket", bucket.name());
                    resources.add(ctx.resource(type, bucket.name(), withParent));
                });
            } catch (S3Exception e) {
                if (!isGone(e) && !AwsErrors.hasCode(e, notConfigured)) {
                    throw e;
                }
            }
        }
        return resources;
    }

    /**
     * The named configurations a bucket can hold several of (inventory, metrics, analytics, intelligent tiering),
     * one resource each with Terraform's id {@code <bucket>:<name>}: listed for every bucket that is managed, or
     * that holds a managed configuration of {@code type}. {@code configurations} lists one bucket completely
     * (following its continuation tokens) and returns each configuration's name and attributes.
     */
    static List<LiveResource> collectNamed(CollectorContext ctx, String type,
                                           BiFunction<CollectorContext, String, Map<String, Map<String, Object>>> configurations) {
        java.util.Set<String> bucketsWithManaged = new java.util.HashSet<>();
        ctx.managed().ids(type).forEach(id -> bucketsWithManaged.add(id.substring(0, Math.max(0, id.indexOf(':')))));
        List<LiveResource> resources = new ArrayList<>();
        for (Bucket bucket : ctx.session().buckets()) {
            if (!ctx.manages(S3Collectors.BUCKET, bucket.name()) && !bucketsWithManaged.contains(bucket.name())) {
                continue;
            }
            try {
                configurations.apply(ctx, bucket.name()).forEach((name, attributes) -> {
                    Map<String, Object> withParent = new java.util.LinkedHashMap<>(attributes);
                    withParent.put("bucket", bucket.name());
                    withParent.put("name", name);
                    resources.add(ctx.resource(type, bucket.name() + ":" + name, withParent));
                });
            } catch (S3Exception e) {
                if (!isGone(e)) {
                    throw e;
                }
            }
        }
        return resources;
    }
}
