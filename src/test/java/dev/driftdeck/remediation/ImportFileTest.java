package dev.driftdeck.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ImportTarget;
import dev.driftdeck.risk.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportFileTest {

    private static Finding unmanaged(String type, String id, String account, String region, ImportTarget target) {
        return new Finding(FindingStatus.UNMANAGED, type, id, null, account, region, null, List.of(), null)
                .withImportTarget(target);
    }

    @Test
    void quotedStringsEscapeWhatHclWouldReadOtherwise() {
        assertThat(Hcl.quoted("plain")).isEqualTo("\"plain\"");
        assertThat(Hcl.quoted("a \"b\" \\ c\nd\te")).isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\te\"");
        assertThat(Hcl.quoted("${var.x} %{if} $5 100%")).isEqualTo("\"$${var.x} %%{if} $5 100%\"");
        assertThat(Hcl.quoted("bell\u0007")).isEqualTo("\"bell\\u0007\"");
    }

    @Test
    void addressesAreUniqueWithinTheFileAndBlocksCarryTheImportId() {
        List<Finding> findings = List.of(
                unmanaged("aws_s3_bucket", "logs", "1", "global", ImportTarget.importable("logs", "logs")),
                unmanaged("aws_s3_bucket", "logs-2", "1", "global", ImportTarget.importable("logs-2", "logs")),
                unmanaged("aws_s3_bucket", "logs-3", "1", "global", ImportTarget.importable("logs-3", "logs")),
                unmanaged("aws_route53_record", "Z1_www.example.com_A", "1", "global",
                        ImportTarget.importable("Z1_www.example.com_A", "z1_www_example_com_a")));

        String file = ImportFile.text(findings, "scan 7", ImportSelection.ALL);

        assertThat(file).contains("""
                import {
                  to = aws_s3_bucket.logs
                  id = "logs"
                }
                import {
                  to = aws_s3_bucket.logs_2
                  id = "logs-2"
                }
                import {
                  to = aws_s3_bucket.logs_3
                  id = "logs-3"
                }
                """)
                .contains("to = aws_route53_record.z1_www_example_com_a\n  id = \"Z1_www.example.com_A\"")
                .contains("# Unmanaged resources of Driftdeck scan 7: 4 import block(s).")
                .contains("#   terraform plan -generate-config-out=generated.tf")
                .doesNotContain("provider =");
    }

    @Test
    void severalAccountsOrRegionsAreGroupedWithAProviderHint() {
        List<Finding> findings = List.of(
                unmanaged("aws_sqs_queue", "q2", "222222222222", "eu-west-1", ImportTarget.importable("u2", "q")),
                unmanaged("aws_sqs_queue", "q1", "111111111111", "us-east-1", ImportTarget.importable("u1", "q")));

        String file = ImportFile.text(findings, "scan 1", ImportSelection.ALL);

        assertThat(file.indexOf("# account 111111111111, region us-east-1"))
                .isLessThan(file.indexOf("# account 222222222222, region eu-west-1")).isPositive();
        assertThat(file).contains("  # provider = aws.account_111111111111_us_east_1\n")
                .contains("  # provider = aws.account_222222222222_eu_west_1\n")
                .contains("to = aws_sqs_queue.q\n").contains("to = aws_sqs_queue.q_2\n");
    }

    @Test
    void oneAccountsGlobalAndRegionalResourcesNeedNoProviderHint() {
        List<Finding> findings = List.of(
                unmanaged("aws_iam_role", "billing-worker", "1", "global",
                        ImportTarget.importable("billing-worker", "billing_worker")),
                unmanaged("aws_sqs_queue", "q1", "1", "us-east-1", ImportTarget.importable("u1", "q")));

        String file = ImportFile.text(findings, "scan 1", ImportSelection.ALL);

        // the provider of the configuration's one region imports the global resources of the same account too
        assertThat(file).contains("# account 1, region global", "# account 1, region us-east-1")
                .doesNotContain("spans several").doesNotContain("provider =");
    }

    @Test
    void typesTerraformCannotImportAreListedWithTheReasonNotAsBlocks() {
        List<Finding> findings = List.of(unmanaged("aws_iam_group_membership", "admins", "1", "global",
                ImportTarget.refused("admins", "the provider cannot import it")));

        String file = ImportFile.text(findings, "scan 1", ImportSelection.ALL);

        assertThat(file).doesNotContain("import {")
                .contains("0 import block(s), 1 not importable (listed at the end).")
                .contains("# aws_iam_group_membership.admins (admins): the provider cannot import it");
    }

    @Test
    void filtersSelectByTypeAccountRegionAndSeverityFloorAndOnlyUnmanaged() {
        Finding bucket = unmanaged("aws_s3_bucket", "b", "1", "global", ImportTarget.importable("b", "b"));
        Finding queue = unmanaged("aws_sqs_queue", "q", "2", "eu-west-1", ImportTarget.importable("u", "q"));
        Finding changed = new Finding(FindingStatus.CHANGED, "aws_s3_bucket", "c", "aws_s3_bucket.c", "1", "global",
                "s", List.of(), null);

        ImportSelection buckets = new ImportSelection(new FindingSelection(Set.of("aws_s3_bucket"), Set.of(), Set.of(), null));
        ImportSelection account2 = new ImportSelection(new FindingSelection(Set.of(), Set.of("2"), Set.of("eu-west-1"), null));
        assertThat(List.of(bucket, queue, changed)).filteredOn(buckets::selects).containsExactly(bucket);
        assertThat(List.of(bucket, queue, changed)).filteredOn(account2::selects).containsExactly(queue);
        // the fix plan's filters, over every status: the import file only adds "unmanaged"
        assertThat(List.of(bucket, queue, changed)).filteredOn(buckets.filters()::matches).containsExactly(bucket, changed);
        ImportSelection critical = new ImportSelection(new FindingSelection(Set.of(), Set.of(), Set.of(), Severity.CRITICAL));
        assertThat(List.of(bucket, queue)).filteredOn(critical::selects)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(ImportFile.text(List.of(bucket), "scan 1", buckets)).contains("# Selected: type aws_s3_bucket.");
    }

    @Test
    void aScanStoredBeforeImportTargetsImportsByItsId() {
        Finding old = new Finding(FindingStatus.UNMANAGED, "aws_iam_role", "arn:aws:iam::1:role/app/Deployer", null,
                "1", "global", null, List.of(), null);

        assertThat(ImportFile.block(old)).isEqualTo("""
                import {
                  to = aws_iam_role.deployer
                  id = "arn:aws:iam::1:role/app/Deployer"
                }
                """);
    }
}
