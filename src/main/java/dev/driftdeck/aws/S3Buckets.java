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
}
