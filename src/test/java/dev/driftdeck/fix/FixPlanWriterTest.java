package dev.driftdeck.fix;

import dev.driftdeck.remediation.FindingSelection;

import static dev.driftdeck.fix.AcceptInCodeTest.diff;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Severity;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixPlanWriterTest {

    private static final Finding QUEUE = new Finding(FindingStatus.CHANGED, "aws_sqs_queue", "https://sqs/jobs",
            "aws_sqs_queue.jobs", "111111111111", "eu-west-1", "prod.tfstate",
            List.of(diff(List.of("visibility_timeout_seconds"), "30", "120")), null);
    private static final Finding GROUP = new Finding(FindingStatus.CHANGED, "aws_security_group", "sg-1",
            "aws_security_group.web", "111111111111", "eu-west-1", "prod.tfstate",
            List.of(diff(List.of("ingress"), null, "[{\"cidr_blocks\":[\"0.0.0.0/0\"],\"from_port\":22,\"protocol\":\"tcp\",\"to_port\":22}]")),
            null).withRisks(List.of());
    private static final Finding GONE = new Finding(FindingStatus.MISSING, "aws_sqs_queue", "https://sqs/old",
            "aws_sqs_queue.old", "222222222222", "us-east-1", "prod.tfstate", List.of(), null);
    private static final Finding STRAY = new Finding(FindingStatus.UNMANAGED, "aws_sqs_queue", "https://sqs/stray",
            null, "111111111111", "eu-west-1", null, List.of(), null);
    private static final Finding IN_SYNC = new Finding(FindingStatus.IN_SYNC, "aws_sqs_queue", "https://sqs/ok",
            "aws_sqs_queue.ok", "111111111111", "eu-west-1", "prod.tfstate", List.of(), null);

    private static String plan(FindingSelection selection, Finding... findings) throws Exception {
        ScanReport report = new ScanReport(Instant.parse("2026-12-06T10:00:00Z"), Instant.parse("2026-12-06T10:01:00Z"),
                List.of(), List.of(findings), List.of(), Map.of(), List.of(), List.of());
        StringWriter out = new StringWriter();
        new FixPlanWriter().write(report, selection, out);
        return out.toString();
    }

    @Test
    void groupsByStatusThenAccountAndRegionWorstFirstWithSummaryAndSnippets() throws Exception {
        String plan = plan(FindingSelection.ALL, GONE, STRAY, QUEUE, IN_SYNC, GROUP);

        assertThat(plan).startsWith("# Driftdeck fix plan\n\nScan finished 2026-12-06T10:01:00Z. Nothing here has been run");
        assertThat(plan).containsSubsequence(
                "## Changed: accept in code or revert in AWS (2)", "### Account 111111111111 · eu-west-1",
                "#### Medium · aws_security_group.web", "- + ingress added: tcp 22 from 0.0.0.0/0", "**Accept in code**", "```hcl\n# Accept the live values",
                "**Revert in AWS**", "```sh\n# Terraform writes the state's values back\nterraform apply -target=aws_security_group.web",
                "#### Low · aws_sqs_queue.jobs", "- ~ visibility_timeout_seconds 30 → 120",
                "## Missing: recreate or forget (1)", "### Account 222222222222 · us-east-1", "#### Medium · aws_sqs_queue.old",
                "**Recreate**", "**Forget**", "removed {",
                "## Unmanaged: import (1)", "#### Low · aws_sqs_queue https://sqs/stray", "**Import**",
                "```hcl\n# In the configuration that should manage it; then: terraform plan -generate-config-out=generated.tf\n"
                        + "import {\n  to = aws_sqs_queue.");
        assertThat(plan).doesNotContain("aws_sqs_queue.ok");
    }

    @Test
    void theFiltersKeepOnlyTheSelectedFindingsAndSaySo() throws Exception {
        FindingSelection selection = new FindingSelection(Set.of("aws_sqs_queue"), Set.of(), Set.of("eu-west-1"), null);

        String plan = plan(selection, GONE, QUEUE, GROUP);

        assertThat(plan).contains("Scan finished 2026-12-06T10:01:00Z (selected: type aws_sqs_queue, region eu-west-1).")
                .contains("aws_sqs_queue.jobs").doesNotContain("aws_security_group.web").doesNotContain("aws_sqs_queue.old");
        assertThat(plan(new FindingSelection(Set.of(), Set.of(), Set.of(), Severity.CRITICAL), QUEUE))
                .endsWith("No drift to fix among the selected findings.\n");
    }
}
