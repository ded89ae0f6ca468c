package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.PrivateMoto;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Resource policies, SQS redrive settings, IAM groups, memberships and credentials end to end: real Terraform
 * applies {@code fixtures/terraform/policies} to moto, a scan finds it all in sync, and console-style edits,
 * deletions and hand-made additions are reported exactly. The fixture also imports AWS's default VPC objects as
 * their ordinary types, which must not read MISSING for being AWS's defaults.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PrivateMoto
class PolicyFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_sqs_queue_policy", "aws_sqs_queue_redrive_policy",
            "aws_sns_topic_policy", "aws_ecr_repository_policy", "aws_iam_group_policy", "aws_iam_group_membership",
            "aws_iam_user_group_membership", "aws_iam_policy_attachment", "aws_iam_access_key",
            "aws_iam_user_login_profile", "aws_route53_health_check");

    // AWS's default VPC objects managed as ordinary types (imported), and what Terraform created on them.
    private static final List<String> ON_AWS_DEFAULTS = List.of("aws_vpc.default", "aws_subnet.default_a",
            "aws_security_group.default", "aws_internet_gateway.default",
            "aws_vpc_security_group_ingress_rule.default_https");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("policies");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
        // The state's access key ids are redacted at parse time; the scan matched them redacted the same way.
        assertThat(fixture.id("aws_iam_access_key.k[0]")).matches("AKIA…\\w{4}-[0-9a-f]{8}");
    }

    @Test
    @Order(2)
    void awsDefaultObjectsImportedAsOrdinaryTypesAreInSyncWithAndWithoutStrict() {
        for (boolean strict : List.of(false, true)) {
            ScanReport report = fixture.scan(strict);

            Map<String, FindingStatus> byAddress = report.findings().stream().filter(f -> f.address() != null)
                    .collect(Collectors.toMap(Finding::address, Finding::status));
            assertThat(ON_AWS_DEFAULTS).as("strict=%s", strict)
                    .allSatisfy(address -> assertThat(byAddress).containsEntry(address, FindingStatus.IN_SYNC));
            // Managed as aws_vpc, the default VPC is not also an unmanaged aws_default_vpc (nor its subnet, group).
            assertThat(CoverageFixture.drift(report)).as("strict=%s", strict).noneMatch(line ->
                    line.endsWith(" " + fixture.id("aws_vpc.default"))
                            || line.endsWith(" " + fixture.id("aws_subnet.default_a"))
                            || line.endsWith(" " + fixture.id("aws_security_group.default")));
        }
    }

    @Test
    @Order(3)
    void consoleEditsDeletionsAndHandMadeResourcesAreReportedExactly() {
        List<String> expected = PolicyFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
        assertThat(report.findings()).extracting(Finding::id).as("access key ids only redacted")
                .noneMatch(id -> id.contains(PolicyFamilyDrift.handMadeKeyId));
    }
}
