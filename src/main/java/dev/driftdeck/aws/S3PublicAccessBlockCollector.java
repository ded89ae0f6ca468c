package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SCALAR;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/** {@code aws_s3_bucket_public_access_block}, id = bucket name; live only when the bucket has one configured. */
final class S3PublicAccessBlockCollector implements Collector {

    static final String TYPE = "aws_s3_bucket_public_access_block";

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
        return new TypeSpec(TYPE, List.of(), List.of(
                new AttributeRule("block_public_acls", SCALAR),
                new AttributeRule("block_public_policy", SCALAR),
                new AttributeRule("ignore_public_acls", SCALAR),
                new AttributeRule("restrict_public_buckets", SCALAR)));
    }

    @Override
    public List<String> iamActions() {
        // The S3 API operation is GetPublicAccessBlock; the IAM action carries "Bucket".
        return List.of("s3:ListAllMyBuckets", "s3:GetBucketPublicAccessBlock");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return S3Buckets.collect(ctx, TYPE, S3PublicAccessBlockCollector::block,
                "NoSuchPublicAccessBlockConfiguration");
    }

    private static Optional<Map<String, Object>> block(CollectorContext ctx, String bucket) {
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
}
