package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code aws_s3_bucket_policy}, id = bucket name; live only when the bucket has a policy. */
final class S3BucketPolicyCollector implements Collector {

    static final String TYPE = "aws_s3_bucket_policy";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public TypeSpec spec() {
        return new TypeSpec(TYPE, List.of(), List.of(new AttributeRule("policy", JSON_DOCUMENT)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:ListAllMyBuckets", "s3:GetBucketPolicy");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return S3Buckets.collect(ctx, TYPE, S3BucketPolicyCollector::policy, "NoSuchBucketPolicy");
    }

    private static Optional<Map<String, Object>> policy(CollectorContext ctx, String bucket) {
        String policy = ctx.s3().getBucketPolicy(r -> r.bucket(bucket)).policy();
        if (policy == null || policy.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Attributes.of().put("policy", PolicyDocuments.decode(policy)).build());
    }
}
