package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.TAGS;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code aws_s3_bucket}, id = bucket name. Listed once per account ({@code global}): ListBuckets returns the
 * buckets of every region, and the bucket name is the identity Terraform matches on.
 */
final class S3BucketCollector implements Collector {

    static final String TYPE = "aws_s3_bucket";

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
        return new TypeSpec(TYPE, List.of(), List.of(new AttributeRule("tags", TAGS)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:ListAllMyBuckets", "s3:GetBucketTagging");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        // Every listed bucket is a live aws_s3_bucket: tags never make it absent.
        return S3Buckets.collect(ctx, TYPE,
                (context, bucket) -> Optional.of(Attributes.of().put("tags", tags(context, bucket)).build()));
    }

    private static Map<String, Object> tags(CollectorContext ctx, String bucket) {
        try {
            return Tags.toMap(ctx.s3().getBucketTagging(r -> r.bucket(bucket)).tagSet(),
                    software.amazon.awssdk.services.s3.model.Tag::key,
                    software.amazon.awssdk.services.s3.model.Tag::value);
        } catch (S3Exception e) {
            if (AwsErrors.hasCode(e, "NoSuchTagSet")) {
                return Map.of();
            }
            throw e;
        }
    }
}
