package dev.driftdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import dev.driftdeck.schedule.MutableClock;
import dev.driftdeck.store.NotificationSettings;
import dev.driftdeck.store.StoredScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The daily digest e-mail of a small seeded scan, written to {@code target/notify/daily-digest.html} for a person to
 * open, and asserted the way its reader reads it: how many and how bad at the top, the worst first, each resource
 * by name, nothing that is not drift.
 */
class DigestRenderingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));

    private static Finding publicBucket() {
        return new Finding(FindingStatus.CHANGED, "aws_s3_bucket_public_access_block", "assets",
                "aws_s3_bucket_public_access_block.assets", "123456789012", "eu-west-1", "states/web.tfstate",
                List.of(new AttributeDiff(List.of("block_public_policy"), "true", "false", DiffKind.CHANGED)), null)
                .withRisks(List.of(new Risk("DD-S3-001", Severity.CRITICAL, "Bucket policy may make it public",
                        "Anyone may read it.", "Block public policies again.", List.of("S3.1"), Risk.Effect.INTRODUCED)));
    }

    private static Finding missingRole() {
        return new Finding(FindingStatus.MISSING, "aws_iam_role", "deploy", "aws_iam_role.deploy", "123456789012",
                "eu-west-1", "states/web.tfstate", List.of(), null);
    }

    private static Finding notChecked() {
        return new Finding(FindingStatus.NOT_CHECKED, "aws_lambda_function", "resize", "aws_lambda_function.resize",
                "123456789012", "eu-west-1", "states/web.tfstate", List.of(), "AccessDenied: lambda:ListFunctions");
    }

    @Test
    void theDailyDigestSaysHowManyAndHowBadThenTheWorstFirst() throws Exception {
        List<Finding> findings = List.of(Samples.unmanagedQueue(), Samples.inSync(missingRole()), missingRole(),
                notChecked(), Samples.openedGroup(), publicBucket());
        ScanReport report = new ScanReport(Instant.parse("2026-12-07T07:58:00Z"), Instant.parse("2026-12-07T07:59:00Z"),
                List.of(), findings, List.of(), Map.of(), List.of("123456789012"), List.of("eu-west-1"));
        Notice digest = new Notifier(null, null, null, null, clock, () -> null)
                .digest(NotificationSettings.Digest.DAILY, new StoredScan(7, report));
        MailContent mail = MailContent.of(digest);
        Path file = Path.of("target", "notify", "daily-digest.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, mail.html());
        String html = Files.readString(file);

        assertThat(mail.subject()).isEqualTo("[Driftdeck] Daily drift digest: 4 drifted resources, worst Critical");
        assertThat(html).contains(
                "<h2 style=\"margin:0 0 8px\">Daily drift digest: 4 drifted resources, worst Critical</h2>",
                "<p>1 Critical, 1 High, 1 Medium, 1 Low; 2 changed, 1 missing, 1 unmanaged."
                        + " As of the scan at 2026-12-07T07:59:00Z.</p>");
        assertThat(rowsInOrder(html)).as("worst first").containsExactly("aws_s3_bucket_public_access_block.assets",
                "aws_security_group.web", "aws_iam_role.deploy",
                "aws_sqs_queue https://sqs.eu-west-1.amazonaws.com/123456789012/stray");
        assertThat(html).contains(">Critical</td>", ">High</td>", ">Medium</td>", ">Low</td>",
                        "block_public_policy", "ingress added: tcp 22 from 0.0.0.0/0")
                .as("not drift: not in the digest").doesNotContain("aws_lambda_function.resize");
        assertThat(mail.text()).contains("1 Critical, 1 High, 1 Medium, 1 Low; 2 changed, 1 missing, 1 unmanaged.");
    }

    /** The resource of each table row, top to bottom. */
    private static List<String> rowsInOrder(String html) {
        return html.lines().filter(line -> line.startsWith("<tr style=\"border-top"))
                .map(line -> line.substring(line.indexOf("<code>") + 6, line.indexOf("</code>"))).toList();
    }
}
