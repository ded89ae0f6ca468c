package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.attribution.Attribution;
import dev.driftdeck.attribution.AttributionStatus;
import dev.driftdeck.attribution.AttributionTarget;
import dev.driftdeck.attribution.Attributor;
import dev.driftdeck.attribution.ChangeEvent;
import dev.driftdeck.attribution.Via;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.TrailFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A trail's log files in moto's S3, in the real format and both layouts (account trail and organisation trail), read
 * for the days of the window only.
 */
class TrailLogBucketTest {

    private static final String BUCKET = "driftdeck-trail-logs-test";
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";
    private static final String BOB = "arn:aws:iam::123456789012:user/bob";

    @Test
    void writeEventsOnTheGroupFromBothLayoutsNewestFirstAndOnlyTheWindowsDaysAreRead() {
        Instant lastInSync = Instant.parse("2026-12-05T01:00:00Z");
        Instant now = Instant.parse("2026-12-06T23:00:00Z");
        try (S3Client s3 = MotoClients.s3()) {
            s3.createBucket(r -> r.bucket(BUCKET));
            TrailFiles.put(s3, BUCKET, TrailFiles.key("org-trail/", null, MotoAws.ACCOUNT, "us-east-1",
                    Instant.parse("2026-12-05T10:05:00Z")), List.of(
                    TrailFiles.securityGroupEvent("e-1", ALICE, "alice", "AuthorizeSecurityGroupIngress",
                            Instant.parse("2026-12-05T10:00:00Z"), TrailFiles.CONSOLE, "sg-1"),
                    TrailFiles.securityGroupEvent("e-2", ALICE, "alice", "DescribeSecurityGroups",
                            Instant.parse("2026-12-05T10:01:00Z"), TrailFiles.CONSOLE, "sg-1"),
                    TrailFiles.securityGroupEvent("e-3", ALICE, "alice", "AuthorizeSecurityGroupIngress",
                            Instant.parse("2026-12-05T10:02:00Z"), TrailFiles.CONSOLE, "sg-2"),
                    TrailFiles.securityGroupEvent("e-0", ALICE, "alice", "AuthorizeSecurityGroupEgress",
                            Instant.parse("2026-12-05T00:30:00Z"), TrailFiles.CONSOLE, "sg-1")));
            TrailFiles.put(s3, BUCKET, TrailFiles.key("org-trail/", "o-a1b2c3d4e5", MotoAws.ACCOUNT, "us-east-1",
                    Instant.parse("2026-12-06T08:10:00Z")), List.of(
                    TrailFiles.securityGroupEvent("e-4", BOB, "bob", "ModifySecurityGroupRules",
                            Instant.parse("2026-12-06T08:04:00Z"), "aws-cli/2.15.30 Python/3.11.8", "sg-1")));
            // Not gzip at all: reading it would fail the lookup. It is in a day before the window, so it is not read.
            TrailFiles.put(s3, BUCKET, TrailFiles.key("org-trail/", null, MotoAws.ACCOUNT, "us-east-1",
                    Instant.parse("2026-12-03T12:00:00Z")), "not a log file".getBytes(StandardCharsets.UTF_8));
        }

        Attribution result;
        try (AwsSession session = MotoAws.session()) {
            result = new Attributor(Clock.fixed(now, ZoneOffset.UTC)).attribute(List.of(
                    new AttributionTarget("aws_security_group", "sg-1", MotoAws.ACCOUNT, "us-east-1", lastInSync,
                            Instant.parse("2026-12-06T09:00:00Z"))),
                    TrailLogBucket.of(session, "s3://" + BUCKET + "/org-trail/"));
        }

        assertThat(result.problems()).isEmpty();
        assertThat(result.changedBy().getFirst().status()).isEqualTo(AttributionStatus.FOUND);
        assertThat(result.changedBy().getFirst().events())
                .as("newest first; the read, the other group and the change before the window left out")
                .extracting(ChangeEvent::eventId, ChangeEvent::name, ChangeEvent::via)
                .containsExactly(Tuple.tuple("e-4", "bob", Via.CLI), Tuple.tuple("e-1", "alice", Via.CONSOLE));
    }

    @Test
    void aTrailLocationMustBeAnS3UriAndTheFolderAboveAwsLogsIsMeant() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrailLogBucket.checkUri("trail-logs/AWSLogs/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'trail-logs/AWSLogs/' is not an S3 URI").hasMessageContaining("s3://bucket/prefix/");
        try (AwsSession session = MotoAws.session()) {
            assertThat(TrailLogBucket.of(session, "s3://trail/org/AWSLogs/").describe())
                    .isEqualTo("trail logs in s3://trail/org/");
            assertThat(TrailLogBucket.of(session, "s3://trail").describe()).isEqualTo("trail logs in s3://trail/");
        }
    }
}
