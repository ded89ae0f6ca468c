package dev.driftdeck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static String html(dev.driftdeck.drift.ScanReport report) {
        StringWriter out = new StringWriter();
        new HtmlReportWriter().write(report, out);
        return out.toString();
    }

    @Test
    void theMostSevereDriftComesFirstWithItsRisksAndASeverityFilter() {
        dev.driftdeck.drift.ScanReport mixed = ReportSamples.mixed();
        java.util.List<dev.driftdeck.drift.Finding> findings = new java.util.ArrayList<>(mixed.findings());
        findings.add(new dev.driftdeck.drift.Finding(dev.driftdeck.drift.FindingStatus.UNMANAGED,
                "aws_iam_user_policy_attachment", "mallory/admin", null, "123456789012", "global", null,
                java.util.List.of(), null).withRisks(java.util.List.of(new dev.driftdeck.risk.Risk("DD-IAM-002",
                dev.driftdeck.risk.Severity.CRITICAL, "AdministratorAccess attached to a user", "why it matters",
                "how to fix", java.util.List.of("IAM.2"), dev.driftdeck.risk.Risk.Effect.INTRODUCED))));
        String html = html(new dev.driftdeck.drift.ScanReport(mixed.startedAt(), mixed.finishedAt(), mixed.sources(),
                findings, mixed.alerts(), mixed.apiCalls(), mixed.accounts(), mixed.regions()));

        assertThat(html).contains("<select id=\"severity\"><option value=\"\">Any severity</option>"
                + "<option value=\"0\">Critical</option><option value=\"1\">High or worse</option>");
        int first = html.indexOf("<tbody class=\"finding\"");
        assertThat(html.substring(first, html.indexOf("</tbody>", first)))
                .contains("data-severity=\"0\"").contains("Critical · DD-IAM-002 · AdministratorAccess attached to a user")
                .contains("(IAM.2)").contains("Fix: how to fix");
    }

    @Test
    void valuesAreEscapedSoNoFindingCanInjectMarkup() {
        String html = html(ReportSamples.mixed());

        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>alice</b>")
                .contains("sg-&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&lt;b&gt;alice&lt;/b&gt;&quot;")
                .contains("aws_sqs_queue.q[&quot;orders&quot;]")
                .contains("EBS volumes &amp; snapshots (grant ec2:DescribeVolumes)");
        // Exactly one script element: the report's own.
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
        assertThat(HtmlReportWriter.escape("a'b\"c<d>&")).isEqualTo("a&#39;b&quot;c&lt;d&gt;&amp;");
    }

    @Test
    void oneRowGroupPerFindingWithItsStatusTypeAndDiffs() {
        String html = html(ReportSamples.mixed());

        Matcher rows = Pattern.compile("<tbody class=\"finding\" data-status=\"(\\w+)\" data-type=\"([^\"]+)\"").matcher(html);
        StringBuilder seen = new StringBuilder();
        while (rows.find()) {
            seen.append(rows.group(1)).append(':').append(rows.group(2)).append(' ');
        }
        // Most severe first (MEDIUM, then LOW), then most urgent status, like the console.
        assertThat(seen.toString().trim()).isEqualTo("MISSING:aws_sqs_queue UNMANAGED:aws_security_group "
                + "CHANGED:aws_db_instance CHANGED:aws_instance UNMANAGED:aws_instance NOT_CHECKED:aws_ebs_volume "
                + "IGNORED:aws_kms_alias IN_SYNC:aws_instance IN_SYNC:aws_s3_bucket");
        assertThat(html).contains("<td>instance_type</td><td><code>&quot;t3.micro&quot;</code></td><td><code>&quot;t3.large&quot;</code></td>")
                .contains("<td>password</td><td><code>&quot;(sensitive)&quot;</code></td><td><code>&quot;(sensitive)&quot;</code></td>")
                .contains("<option value=\"aws_security_group\">aws_security_group</option>")
                .contains("<option value=\"CHANGED\">Changed (2)</option>")
                .contains("id=\"coverage\">57%</div>")
                .contains("id=\"count-changed\">2</div>");
    }

    @Test
    void worksOfflineByConstruction() {
        String html = html(ReportSamples.mixed());

        assertThat(html).contains("default-src 'none'");
        assertThat(html).doesNotContainPattern("(src|href)=\"https?:").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void anEmptyScanStillMakesAReadablePage() {
        String html = html(ReportSamples.empty());

        assertThat(html).contains("0 findings").contains("id=\"coverage\">100%</div>").doesNotContain("class=\"alerts\"");
    }
}
