package dev.driftdeck.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** CloudTrail records as AWS writes them (userguide, "CloudTrail log file examples"), read into write events. */
class TrailRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TERRAFORM_AGENT = "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io)"
            + " terraform-provider-aws/5.100.0 (+https://registry.terraform.io/providers/hashicorp/aws)"
            + " aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.23.7";

    @Test
    void anIamUserInTheConsoleIsNamedWithItsArnAndVia() throws Exception {
        ChangeEvent event = TrailRecords.writeEvent(record("""
                {"eventVersion":"1.10","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE",
                 "arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","userName":"alice"},
                 "eventTime":"2026-12-06T10:15:00Z","eventSource":"ec2.amazonaws.com",
                 "eventName":"AuthorizeSecurityGroupIngress","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.7",
                 "userAgent":"console.ec2.amazonaws.com","requestParameters":{"groupId":"sg-0abc"},
                 "responseElements":{"_return":true},"eventID":"e-1","readOnly":false,"eventType":"AwsApiCall"}
                """)).orElseThrow();

        assertThat(event).isEqualTo(new ChangeEvent("e-1", "arn:aws:iam::123456789012:user/alice", "alice",
                "AuthorizeSecurityGroupIngress", Instant.parse("2026-12-06T10:15:00Z"), "203.0.113.7",
                "console.ec2.amazonaws.com", Via.CONSOLE));
    }

    @Test
    void anAssumedRoleIsNamedByItsSession() throws Exception {
        ChangeEvent event = TrailRecords.writeEvent(record("""
                {"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/Admin/bob@example.com",
                 "sessionContext":{"sessionIssuer":{"type":"Role","userName":"Admin"}}},
                 "eventTime":"2026-12-06T10:15:00Z","eventName":"PutBucketVersioning","readOnly":false,
                 "userAgent":"aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64.ubuntu.22"}
                """)).orElseThrow();

        assertThat(event.name()).isEqualTo("bob@example.com");
        assertThat(event.via()).isEqualTo(Via.CLI);
    }

    @Test
    void viaTellsTerraformSdksAndServicesApart() {
        assertThat(Via.of(TERRAFORM_AGENT, null, "AssumedRole")).as("even though it names an SDK").isEqualTo(Via.TERRAFORM);
        assertThat(Via.of("Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux", null, "IAMUser")).isEqualTo(Via.SDK);
        assertThat(Via.of("signin.amazonaws.com", null, "IAMUser")).isEqualTo(Via.CONSOLE);
        assertThat(Via.of("Mozilla/5.0 (X11; Linux x86_64)", null, "IAMUser")).isEqualTo(Via.CONSOLE);
        assertThat(Via.of("cloudformation.amazonaws.com", "cloudformation.amazonaws.com", "AssumedRole"))
                .isEqualTo(Via.AWS_SERVICE);
        assertThat(Via.of("AWS Internal", null, "AWSService")).isEqualTo(Via.AWS_SERVICE);
    }

    @Test
    void readsAndFailedCallsAreNoChange() throws Exception {
        assertThat(TrailRecords.writeEvent(record("""
                {"eventTime":"2026-12-06T10:15:00Z","eventName":"DescribeSecurityGroups","readOnly":true}
                """))).isEmpty();
        assertThat(TrailRecords.writeEvent(record("""
                {"eventTime":"2026-12-06T10:15:00Z","eventName":"GetBucketPolicy"}
                """))).as("no readOnly flag: the verb says it").isEmpty();
        assertThat(TrailRecords.writeEvent(record("""
                {"eventTime":"2026-12-06T10:15:00Z","eventName":"AuthorizeSecurityGroupIngress","readOnly":false,
                 "errorCode":"Client.UnauthorizedOperation"}
                """))).as("denied: it changed nothing").isEmpty();
    }

    @Test
    void aRecordMentionsItsResourceByParameterOrArn() throws Exception {
        JsonNode byParameter = record("{\"requestParameters\":{\"ipPermissions\":{},\"groupId\":\"sg-0abc\"}}");
        JsonNode byArn = record("{\"resources\":[{\"ARN\":\"arn:aws:kms:us-east-1:123456789012:key/k-1\","
                + "\"accountId\":\"123456789012\"}]}");

        assertThat(TrailRecords.mentions(byParameter, "sg-0abc")).isTrue();
        assertThat(TrailRecords.mentions(byParameter, "sg-0abd")).isFalse();
        assertThat(TrailRecords.mentions(byArn, "arn:aws:kms:us-east-1:123456789012:key/k-1")).isTrue();
        assertThat(TrailRecords.mentions(byArn, "k-1")).isTrue();
    }

    private static JsonNode record(String json) throws Exception {
        return JSON.readTree(json);
    }
}
