package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.PrivateMoto;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Auto Scaling, EKS, ACM and ECS task definitions end to end: real Terraform applies {@code fixtures/terraform/compute}
 * to moto (moto answers every call the provider makes, and EKS is ACTIVE at once, so no wait is long), a scan finds
 * it all in sync with read calls its collectors declare, and console-style edits, deletions and hand-made additions
 * are reported exactly.
 */
@PrivateMoto
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputeFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_autoscaling_group", "aws_launch_configuration",
            "aws_autoscaling_policy", "aws_autoscaling_schedule", "aws_autoscaling_lifecycle_hook", "aws_eks_cluster",
            "aws_eks_node_group", "aws_acm_certificate", "aws_ecs_task_definition");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("compute");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).as(differences(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(report.findings()).filteredOn(f -> TYPES.contains(f.type()))
                .as("every managed attribute of the new types is in the state")
                .allSatisfy(f -> assertThat(f.notInState()).as(f.address()).isEmpty());
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
    }

    @Test
    @Order(2)
    void consoleEditsDeletionsAndHandMadeResourcesAreReportedExactly() {
        List<String> expected = ComputeFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).as(differences(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
    }

    /** Expected and actual of every difference, so a failure shows the values, not only the paths. */
    private static String differences(ScanReport report) {
        StringBuilder text = new StringBuilder("differences:");
        report.findings().forEach(finding -> finding.diffs().forEach(diff -> text.append("\n  ").append(finding.address())
                .append(' ').append(String.join(".", diff.path())).append(": ").append(diff.expected())
                .append(" -> ").append(diff.actual())));
        return text.toString();
    }
}
