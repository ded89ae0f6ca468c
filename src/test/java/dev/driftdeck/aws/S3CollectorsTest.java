package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.ListingScope;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

class S3CollectorsTest {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::configured/*\","
            + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

    private S3Client s3;

    @BeforeEach
    void createBuckets() {
        MotoServer.shared().reset();
        s3 = MotoAws.operatorS3();
        s3.createBucket(r -> r.bucket("configured"));
        s3.createBucket(r -> r.bucket("plain"));
        s3.putBucketTagging(r -> r.bucket("configured")
                .tagging(t -> t.tagSet(tag -> tag.key("Env").value("dev"), tag -> tag.key("Team").value("ops"))));
        s3.putBucketVersioning(r -> r.bucket("configured")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putPublicAccessBlock(r -> r.bucket("configured").publicAccessBlockConfiguration(b -> b
                .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(false).restrictPublicBuckets(false)));
        s3.putBucketPolicy(r -> r.bucket("configured").policy(POLICY));
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void everyBucketIsListedGloballyByNameWithItsTagsAndUntaggedMeansEmpty() {
        Map<String, LiveResource> buckets = MotoAws.byId(MotoAws.list("aws_s3_bucket", false));

        assertThat(buckets).containsOnlyKeys("configured", "plain");
        assertThat(buckets.get("configured").region()).isEqualTo(ListingScope.GLOBAL);
        assertThat(buckets.get("configured").attributes()).isEqualTo(Map.of("tags", Map.of("Env", "dev", "Team", "ops")));
        assertThat(buckets.get("plain").attributes()).isEqualTo(Map.of("tags", Map.of()));
    }

    @Test
    void versioningIsLiveOnlyWhereItWasTurnedOnShapedAsTfstate() {
        s3.putBucketVersioning(r -> r.bucket("plain")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
        s3.createBucket(r -> r.bucket("never-versioned"));

        Map<String, LiveResource> versioning = MotoAws.byId(MotoAws.list("aws_s3_bucket_versioning", false));

        assertThat(versioning).containsOnlyKeys("configured", "plain");
        // "bucket" is the parent link the reconciler follows (see ParentLink).
        assertThat(versioning.get("configured").attributes()).isEqualTo(Map.of("bucket", "configured",
                "versioning_configuration", List.of(Map.of("status", "Enabled", "mfa_delete", ""))));
        assertThat(versioning.get("plain").attributes()).isEqualTo(Map.of("bucket", "plain",
                "versioning_configuration", List.of(Map.of("status", "Suspended", "mfa_delete", ""))));
    }

    @Test
    void publicAccessBlockIsLiveOnlyWhenConfigured() {
        Map<String, LiveResource> blocks = MotoAws.byId(MotoAws.list("aws_s3_bucket_public_access_block", false));

        assertThat(blocks).containsOnlyKeys("configured");
        assertThat(blocks.get("configured").attributes()).isEqualTo(Map.of("bucket", "configured",
                "block_public_acls", true, "block_public_policy", true,
                "ignore_public_acls", false, "restrict_public_buckets", false));
    }

    @Test
    void bucketPolicyIsLiveOnlyWhenOneExistsAndHoldsTheDocument() {
        Map<String, LiveResource> policies = MotoAws.byId(MotoAws.list("aws_s3_bucket_policy", false));

        assertThat(policies).containsOnlyKeys("configured");
        String policy = (String) policies.get("configured").attributes().get("policy");
        assertThat(policy).startsWith("{").contains("\"aws:SecureTransport\"").contains("arn:aws:s3:::configured/*");
    }

    @Test
    void theFourS3TypesShareOneListBucketsCallPerSessionAndSpendDetailCallsOnManagedBucketsOnly() {
        s3.createBucket(r -> r.bucket("unmanaged"));
        ManagedState managed = new ManagedState(Map.of("aws_s3_bucket",
                Map.of("configured", Map.of(), "plain", Map.of())));
        try (AwsSession session = MotoAws.session()) {
            String account = session.accountId();
            for (Collector collector : List.of(Collectors.forType("aws_s3_bucket").orElseThrow(), Collectors.forType("aws_s3_bucket_versioning").orElseThrow(),
                    Collectors.forType("aws_s3_bucket_public_access_block").orElseThrow(), Collectors.forType("aws_s3_bucket_policy").orElseThrow())) {
                collector.list(new CollectorContext(session, account, ListingScope.GLOBAL, false, managed));
            }
            assertThat(session.counter().operations()).filteredOn("s3:ListBuckets"::equals).hasSize(1);
            // Then one detail call per managed bucket and type: 2 buckets x 4 types; none for "unmanaged".
            assertThat(session.counter().callsPerService()).containsEntry("s3", 9L);
        }
    }
}
