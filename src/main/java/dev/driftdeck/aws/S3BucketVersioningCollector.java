package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.TypeSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;

/**
 * {@code aws_s3_bucket_versioning}, id = bucket name; live only once versioning was ever turned on
 * (Enabled or Suspended). {@code versioning_configuration} is a one-element list as in tfstate, with
 * {@code mfa_delete} "" when S3 reports none.
 */
final class S3BucketVersioningCollector implements Collector {

    static final String TYPE = "aws_s3_bucket_versioning";

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
        return new TypeSpec(TYPE, List.of(), List.of(new AttributeRule("versioning_configuration", SET)));
    }

    @Override
    public List<String> iamActions() {
        return List.of("s3:ListAllMyBuckets", "s3:GetBucketVersioning");
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return S3Buckets.collect(ctx, TYPE, S3BucketVersioningCollector::versioning);
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
}
