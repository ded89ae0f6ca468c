package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import java.util.List;
import java.util.Map;
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
class PolicyFamilyTest {

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
}
