package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import java.util.List;
import dev.driftdeck.remediation.ImportIds;

/**
 * S3 directory buckets (S3 Express One Zone), regional: ListDirectoryBuckets pages 1,000, its largest page, from
 * the region's S3 Express control endpoint. The id is the bucket's name, {@code <base>--<zone id>--x-s3}. Nothing
 * of a directory bucket can be changed after creation (its zone, redundancy and type are in its name), so a scan
 * finds the deleted and the hand-made ones; general purpose buckets are {@code aws_s3_bucket}.
 */
final class S3DirectoryBucketCollectors {

    static final String DIRECTORY_BUCKET = "aws_s3_directory_bucket";
    private static final int PAGE = 1000;
    /** Every directory bucket's name ends so (AWS's naming rule); an endpoint that answers otherwise is not S3 Express. */
    private static final String NAME_SUFFIX = "--x-s3";

    private S3DirectoryBucketCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(DIRECTORY_BUCKET).actions("s3express:ListAllMyDirectoryBuckets")
                .notCompared(NotCompared.IDENTITY, "bucket")
                .notCompared("fixed at creation and part of the bucket's name (<base>--<zone id>--x-s3)",
                        "location", "data_redundancy", "type")
                .notCompared(NotCompared.TERRAFORM_ONLY, "force_destroy")
                .importId(ImportIds.SAME_AS_ID).listedBy(S3DirectoryBucketCollectors::directoryBuckets));
    }

    private static List<LiveResource> directoryBuckets(CollectorContext ctx) {
        return ctx.session().s3(ctx.region()).listDirectoryBucketsPaginator(r -> r.maxDirectoryBuckets(PAGE))
                .buckets().stream()
                .filter(bucket -> bucket.name().endsWith(NAME_SUFFIX))
                .map(bucket -> ctx.resource(DIRECTORY_BUCKET, bucket.name(), Attributes.of().build()))
                .toList();
    }
}
