package dev.driftdeck.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every shape of attribute difference, read in its own terms. Values are canonical JSON, as the reconciler writes them. */
class ChangeSummariesTest {

    private static List<String> lines(String type, AttributeDiff diff) {
        return ChangeSummaries.of(type, diff).lines().stream().map(ChangeLine::marked).toList();
    }

    private static AttributeDiff diff(String expected, String actual, String... path) {
        DiffKind kind = expected == null ? DiffKind.ADDED : actual == null ? DiffKind.REMOVED : DiffKind.CHANGED;
        return new AttributeDiff(List.of(path), expected, actual, kind);
    }

    private static final String HTTPS = """
            {"cidr_blocks":["0.0.0.0/0"],"from_port":443,"protocol":"tcp","self":false,"to_port":443}""";

    @Test
    void securityGroupIngressOpenedToTheWorld() {
        String ssh = """
                {"cidr_blocks":["0.0.0.0/0"],"from_port":22,"protocol":"tcp","self":false,"to_port":22}""";

        assertThat(lines("aws_security_group", diff("[" + HTTPS + "]", "[" + HTTPS + "," + ssh + "]", "ingress")))
                .containsExactly("+ ingress added: tcp 22 from 0.0.0.0/0");
    }

    @Test
    void aSourceAddedToAnExistingPermissionIsThatSourceAlone() {
        // AWS keeps every source of tcp/22 in one permission: the rule map grows a CIDR, it is not a new rule.
        String before = """
                [{"cidr_blocks":["10.0.0.0/8"],"from_port":22,"protocol":"tcp","to_port":22}]""";
        String after = """
                [{"cidr_blocks":["0.0.0.0/0","10.0.0.0/8"],"from_port":22,"protocol":"tcp","to_port":22}]""";

        assertThat(lines("aws_security_group", diff(before, after, "ingress")))
                .containsExactly("+ ingress added: tcp 22 from 0.0.0.0/0");
    }

    @Test
    void egressAllTrafficToIpv6RemovedAndOtherSourcesNamed() {
        String before = """
                [{"from_port":0,"ipv6_cidr_blocks":["::/0"],"protocol":"-1","to_port":0},\
                {"from_port":5432,"protocol":"tcp","security_groups":["sg-123"],"to_port":5432,"description":"db"},\
                {"from_port":1000,"protocol":"udp","prefix_list_ids":["pl-9"],"to_port":2000},\
                {"from_port":8,"protocol":"icmp","self":true,"to_port":-1}]""";

        assertThat(lines("aws_default_security_group", diff(before, null, "egress"))).containsExactly(
                "- egress removed: all traffic to ::/0",
                "- egress removed: tcp 5432 to sg-123 \"db\"",
                "- egress removed: udp 1000-2000 to pl-9",
                "- egress removed: icmp type 8 to itself");
    }

    @Test
    void networkAclEntries() {
        String before = """
                [{"action":"allow","cidr_block":"10.0.0.0/16","from_port":443,"protocol":"6","rule_no":100,"to_port":443}]""";
        String after = """
                [{"action":"allow","cidr_block":"10.0.0.0/16","from_port":443,"protocol":"6","rule_no":100,"to_port":443},\
                {"action":"allow","cidr_block":"0.0.0.0/0","from_port":22,"protocol":"6","rule_no":90,"to_port":22},\
                {"action":"deny","ipv6_cidr_block":"::/0","protocol":"-1","rule_no":200}]""";

        assertThat(lines("aws_network_acl", diff(before, after, "ingress"))).containsExactly(
                "+ ingress added: #90 allow tcp 22 from 0.0.0.0/0",
                "+ ingress added: #200 deny all traffic from ::/0");
    }

    @Test
    void routeTableRoutes() {
        String before = """
                [{"cidr_block":"10.1.0.0/16","vpc_peering_connection_id":"pcx-0a1b"},{"cidr_block":"0.0.0.0/0","gateway_id":"igw-1"}]""";
        String after = """
                [{"cidr_block":"0.0.0.0/0","nat_gateway_id":"nat-2"},{"destination_prefix_list_id":"pl-63","gateway_id":"igw-1"}]""";

        assertThat(lines("aws_route_table", diff(before, after, "route"))).containsExactly(
                "- route removed: 10.1.0.0/16 via pcx-0a1b",
                "- route removed: 0.0.0.0/0 via igw-1",
                "+ route added: 0.0.0.0/0 via nat-2",
                "+ route added: pl-63 via igw-1");
    }

    @Test
    void listsOfIds() {
        assertThat(lines("aws_instance", diff("[\"sg-1\",\"sg-2\"]", "[\"sg-123\",\"sg-2\"]", "vpc_security_group_ids")))
                .containsExactly("- vpc_security_group_ids removed: sg-1", "+ vpc_security_group_ids added: sg-123");
        assertThat(lines("aws_instance", diff(null, "[\"sg-123\"]", "security_groups")))
                .containsExactly("+ security_groups added: sg-123");
    }

    @Test
    void policyStatementChangedByItsSid() {
        String before = """
                {"Statement":{"Action":"s3:GetObject","Effect":"Allow","Principal":"*","Resource":"arn:aws:s3:::b/*","Sid":"AllowRead"},\
                "Version":"2012-10-17"}""";
        String after = """
                {"Statement":{"Action":["s3:DeleteObject","s3:GetObject"],"Effect":"Allow","Principal":"*",\
                "Resource":"arn:aws:s3:::b/*","Sid":"AllowRead"},"Version":"2012-10-17"}""";

        assertThat(lines("aws_s3_bucket_policy", diff(before, after, "policy")))
                .containsExactly("~ statement \"AllowRead\" changed: actions + s3:DeleteObject");
    }

    @Test
    void policyStatementsAddedRemovedAndEditedWithoutSid() {
        String before = """
                {"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}},\
                {"Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny","Principal":"*","Resource":"*","Sid":"TlsOnly"}],\
                "Version":"2012-10-17"}""";
        String after = """
                {"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::999999999999:root","Service":"ec2.amazonaws.com"}},\
                {"Action":"iam:PassRole","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}""";

        assertThat(lines("aws_iam_role", diff(before, after, "assume_role_policy"))).containsExactly(
                "- assume_role_policy statement \"TlsOnly\" removed: Deny s3:* on * for * when Bool aws:SecureTransport=false",
                "+ assume_role_policy statement added: Allow iam:PassRole on *",
                "~ assume_role_policy statement 1 changed: principals + arn:aws:iam::999999999999:root");
    }

    @Test
    void policyEffectConditionsAndResourcesChanged() {
        String before = """
                {"Statement":{"Action":"kms:*","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Resource":"*","Sid":"Admin"}}""";
        String after = """
                {"Statement":{"Action":"kms:*","Condition":{"StringEquals":{"aws:SourceAccount":["1","2"]}},"Effect":"Deny",\
                "Principal":{"AWS":"arn:aws:iam::1:root"},"Resource":"arn:aws:kms:k","Sid":"Admin"}}""";

        assertThat(lines("aws_kms_key", diff(before, after, "policy"))).containsExactly(
                "~ statement \"Admin\" changed: effect Allow → Deny, resources + arn:aws:kms:k - *, "
                        + "conditions + StringEquals aws:SourceAccount=1,2");
    }

    @Test
    void aPolicyDeletedListsEveryStatementRemoved() {
        String before = """
                {"Statement":{"Action":"s3:*","Effect":"Deny","Principal":"*","Resource":"*","Sid":"TlsOnly"},"Version":"2012-10-17"}""";

        assertThat(lines("aws_s3_bucket_policy", diff(before, null, "policy")))
                .containsExactly("- statement \"TlsOnly\" removed: Deny s3:* on * for *");
    }

    @Test
    void tagsKeyByKey() {
        assertThat(lines("aws_vpc", diff(null, "\"prod\"", "tags", "Environment"))).containsExactly("+ tag Environment added: prod");
        assertThat(lines("aws_vpc", diff("\"a\"", "\"b\"", "tags", "Owner"))).containsExactly("~ tag Owner changed: a → b");
        assertThat(lines("aws_vpc", diff("\"x\"", null, "tags", "X"))).containsExactly("- tag X removed");
    }

    @Test
    void scalarsAndNestedBlocksByPath() {
        assertThat(lines("aws_instance", diff("\"t3.micro\"", "\"t3.large\"", "instance_type")))
                .containsExactly("~ instance_type t3.micro → t3.large");
        assertThat(lines("aws_db_instance", diff("true", null, "deletion_protection")))
                .containsExactly("- deletion_protection true → (none)");
        assertThat(lines("aws_s3_bucket_versioning", diff("[{\"status\":\"Enabled\"}]", "[{\"status\":\"Suspended\"}]",
                "versioning_configuration"))).containsExactly("~ versioning_configuration.status Enabled → Suspended");
        assertThat(lines("aws_sqs_queue", diff("{\"deadLetterTargetArn\":\"arn:q\",\"maxReceiveCount\":3}",
                "{\"deadLetterTargetArn\":\"arn:q\",\"maxReceiveCount\":5}", "redrive_policy")))
                .containsExactly("~ redrive_policy.maxReceiveCount 3 → 5");
        assertThat(lines("aws_s3_bucket_lifecycle_configuration", diff(
                "{\"expiration\":[{\"days\":30}],\"id\":\"tmp\",\"status\":\"Enabled\"}",
                "{\"expiration\":[{\"days\":60}],\"id\":\"tmp\",\"status\":\"Enabled\"}", "rule", "tmp")))
                .containsExactly("~ rule.tmp.expiration.days 30 → 60");
    }

    @Test
    void sensitiveValuesStayMasked() {
        assertThat(lines("aws_db_instance", diff("\"(sensitive)\"", "\"(sensitive)\"", "password")))
                .containsExactly("~ password changed (sensitive)");
        assertThat(lines("aws_ssm_parameter", diff("\"(sensitive 1f2e3d4c)\"", "\"(sensitive 0a0b0c0d)\"", "value")))
                .containsExactly("~ value changed (sensitive)");
        assertThat(ChangeSummaries.of("aws_lambda_function", diff(null, "{\"TOKEN\":\"(sensitive 1f2e3d4c)\"}",
                "environment")).text()).isEqualTo("environment added (sensitive)");
    }

    @Test
    void aLongValueIsCutTheRawValueStaysWhole() {
        String userData = "x".repeat(500);
        String text = ChangeSummaries.of("aws_instance", diff("\"a\"", "\"" + userData + "\"", "user_data")).text();

        assertThat(text).startsWith("user_data a → xxx").endsWith("…").hasSizeLessThan(200);
    }

    @Test
    void aMultiLineValueStaysOnOneLine() {
        assertThat(ChangeSummaries.of("aws_instance", diff("\"#!/bin/sh\\necho a\"", "\"#!/bin/sh\\necho b\"", "user_data"))
                .text()).isEqualTo("user_data #!/bin/sh echo a → #!/bin/sh echo b");
    }

    @Test
    void textJoinsTheLines() {
        assertThat(ChangeSummaries.of("aws_instance", diff(null, "[\"sg-1\",\"sg-2\"]", "security_groups")).text())
                .isEqualTo("security_groups added: sg-1; security_groups added: sg-2");
    }
}
