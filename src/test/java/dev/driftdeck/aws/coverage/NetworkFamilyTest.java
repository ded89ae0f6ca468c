package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MotoClients;
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
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The VPC network family beyond the basics, end to end: real Terraform applies {@code fixtures/terraform/network}
 * to moto (which has a default VPC with its subnets, security group, route table and network ACL, as AWS does),
 * a scan finds it all in sync, a strict scan reports AWS's other default objects once, and console-style edits,
 * deletions and hand-made additions are reported exactly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@PrivateMoto
class NetworkFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_network_acl", "aws_network_acl_rule", "aws_default_network_acl",
            "aws_default_vpc", "aws_default_subnet", "aws_default_security_group", "aws_default_route_table",
            "aws_vpc_dhcp_options", "aws_vpc_dhcp_options_association", "aws_vpc_ipv4_cidr_block_association",
            "aws_egress_only_internet_gateway", "aws_flow_log");

    // The ordinary type each aws_default_* type adopts: never both for one id.
    private static final Map<String, String> ADOPTED = Map.of("aws_default_vpc", "aws_vpc",
            "aws_default_subnet", "aws_subnet", "aws_default_security_group", "aws_security_group",
            "aws_default_route_table", "aws_route_table", "aws_default_network_acl", "aws_network_acl");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("network");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithTheProvidersIdsAndOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
        // The rule ids a real apply wrote, recomputed: the protocol is hashed as configured ("tcp" vs "6").
        assertThat(fixture.id("aws_network_acl_rule.ingress[0]"))
                .isEqualTo(Ids.networkAclRule(fixture.id("aws_network_acl.separate"), 100, false, "tcp"));
        assertThat(fixture.id("aws_network_acl_rule.ingress[1]"))
                .isEqualTo(Ids.networkAclRule(fixture.id("aws_network_acl.separate"), 101, false, "6"));
        assertThat(fixture.id("aws_network_acl_rule.egress"))
                .isEqualTo(Ids.networkAclRule(fixture.id("aws_network_acl.separate"), 100, true, "-1"));
    }

    @Test
    @Order(2)
    void strictReportsAwsDefaultObjectsOnceAsTheAdoptingTypeAndKeepsTheAdoptedOnesInSync() {
        ScanReport report = fixture.scan(true);

        assertThat(report.findings()).filteredOn(f -> f.address() != null).extracting(Finding::status)
                .containsOnly(FindingStatus.IN_SYNC);
        Map<String, Set<String>> idsByType = report.findings().stream().collect(Collectors.groupingBy(Finding::type,
                Collectors.mapping(Finding::id, Collectors.toSet())));
        ADOPTED.forEach((adopter, ordinary) -> assertThat(idsByType.getOrDefault(ordinary, Set.of()))
                .as("%s objects reported again as %s", adopter, ordinary)
                .doesNotContainAnyElementsOf(idsByType.getOrDefault(adopter, Set.of())));

        String defaultVpc = fixture.id("aws_default_vpc.default");
        TreeSet<String> expected = new TreeSet<>();
        try (Ec2Client ec2 = MotoClients.ec2()) {
            ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true"))).subnets().stream()
                    .filter(subnet -> !subnet.subnetId().equals(fixture.id("aws_default_subnet.a")))
                    .forEach(subnet -> expected.add("UNMANAGED aws_default_subnet " + subnet.subnetId()));
            ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(defaultVpc))).securityGroups()
                    .forEach(group -> expected.add("UNMANAGED aws_default_security_group " + group.groupId()));
            ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(defaultVpc))).routeTables()
                    .forEach(table -> expected.add("UNMANAGED aws_default_route_table " + table.routeTableId()));
            ec2.describeNetworkAcls(r -> r.filters(f -> f.name("vpc-id").values(defaultVpc))).networkAcls()
                    .forEach(acl -> expected.add("UNMANAGED aws_default_network_acl " + acl.networkAclId()));
        }
        assertThat(expected).hasSize(5 + 3);
        assertThat(CoverageFixture.drift(report)).containsAll(expected)
                .noneMatch(line -> line.startsWith("UNMANAGED aws_vpc ") || line.startsWith("UNMANAGED aws_subnet ")
                        || line.startsWith("UNMANAGED aws_security_group ") || line.startsWith("UNMANAGED aws_route_table ")
                        || line.startsWith("UNMANAGED aws_network_acl "));
    }

    @Test
    @Order(3)
    void consoleEditsDeletionsAndHandMadeResourcesAreReportedExactly() {
        List<String> expected = NetworkFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
    }
}
