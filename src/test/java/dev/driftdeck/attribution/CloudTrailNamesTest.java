package dev.driftdeck.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Terraform id to CloudTrail resource name mapping, for every type attributed, and no guess for the others. */
class CloudTrailNamesTest {

    private static final String ACCOUNT = "123456789012";

    @Test
    void everySupportedTypeHasItsNameAndRegion() {
        assertThat(CloudTrailNames.of("aws_security_group", "sg-0abc", ACCOUNT, "eu-west-1"))
                .contains(new LookupName("sg-0abc", "eu-west-1"));
        assertThat(CloudTrailNames.of("aws_instance", "i-0abc", ACCOUNT, "eu-west-1"))
                .contains(new LookupName("i-0abc", "eu-west-1"));
        assertThat(CloudTrailNames.of("aws_s3_bucket", "logs", ACCOUNT, "eu-west-1"))
                .as("S3 files a bucket's events in the bucket's region").contains(new LookupName("logs", "eu-west-1"));
        assertThat(CloudTrailNames.of("aws_kms_key", "1234abcd-12ab-34cd-56ef-1234567890ab", ACCOUNT, "eu-west-1"))
                .as("KMS records the key's ARN")
                .contains(new LookupName("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                        "eu-west-1"));
    }

    @Test
    void iamEventsAreLookedUpInUsEast1WhateverTheScanRegion() {
        assertThat(CloudTrailNames.of("aws_iam_role", "deploy", ACCOUNT, "global"))
                .contains(new LookupName("deploy", "us-east-1"));
        assertThat(CloudTrailNames.of("aws_iam_user", "alice", ACCOUNT, "global"))
                .contains(new LookupName("alice", "us-east-1"));
        assertThat(CloudTrailNames.of("aws_iam_policy", "arn:aws:iam::123456789012:policy/ops", ACCOUNT, "eu-west-1"))
                .as("a policy's id is its ARN, the name CloudTrail records")
                .contains(new LookupName("arn:aws:iam::123456789012:policy/ops", "us-east-1"));
    }

    @Test
    void everySupportedTypeIsCoveredAbove() {
        assertThat(CloudTrailNames.supportedTypes()).containsExactlyInAnyOrder("aws_security_group", "aws_instance",
                "aws_s3_bucket", "aws_kms_key", "aws_iam_role", "aws_iam_user", "aws_iam_policy");
    }

    @Test
    void anUnknownTypeOrRegionIsNotGuessed() {
        assertThat(CloudTrailNames.of("aws_db_instance", "db-ABCDEFGHIJKL", ACCOUNT, "eu-west-1"))
                .as("provider v5's id is the DbiResourceId, not the identifier CloudTrail records").isEmpty();
        assertThat(CloudTrailNames.of("aws_vpc_security_group_ingress_rule", "sgr-1", ACCOUNT, "eu-west-1")).isEmpty();
        assertThat(CloudTrailNames.of("aws_security_group", "sg-0abc", ACCOUNT, null)).isEmpty();
        assertThat(CloudTrailNames.of("aws_kms_key", "1234", null, "eu-west-1")).as("no account, no ARN").isEmpty();
    }
}
