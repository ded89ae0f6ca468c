package dev.driftdeck.drift;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IgnoreFileTest {

    @TempDir
    Path dir;

    private static Finding finding(FindingStatus status, String type, String id) {
        return new Finding(status, type, id, null, "123456789012", "eu-west-1", null, List.of(), null);
    }

    @Test
    void appendKeepsCommentsAndExistingRulesAndSkipsDuplicates() throws Exception {
        Path path = dir.resolve(".driftignore");
        Files.write(path, List.of("# owned by the platform team", "aws_kms_alias.alias/aws/*"));
        IgnoreFile file = new IgnoreFile(path);

        int added = file.append(List.of("aws_instance.i-1", "aws_kms_alias.alias/aws/*"));

        assertThat(added).isEqualTo(1);
        assertThat(Files.readAllLines(path))
                .containsExactly("# owned by the platform team", "aws_kms_alias.alias/aws/*", "aws_instance.i-1");
        assertThat(file.append(List.of("aws_instance.i-1"))).isZero();
        assertThat(Files.readAllLines(path)).hasSize(3);
    }

    @Test
    void writeCreatesTheFileAndLeavesNoTempFileBehind() throws Exception {
        IgnoreFile file = new IgnoreFile(dir.resolve("sub").resolve(".driftignore"));

        file.write(List.of("aws_instance.*"));

        assertThat(file.lines()).containsExactly("aws_instance.*");
        try (var entries = Files.list(dir.resolve("sub"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(".driftignore");
        }
    }

    @Test
    void baselineWritesOneRulePerDriftingResourceUnderADatedHeader() throws Exception {
        List<Finding> findings = List.of(
                finding(FindingStatus.CHANGED, "aws_instance", "i-1"),
                finding(FindingStatus.IN_SYNC, "aws_instance", "i-2"),
                finding(FindingStatus.MISSING, "aws_sqs_queue", "orders"),
                finding(FindingStatus.UNMANAGED, "aws_s3_bucket", "logs.example.com"),
                finding(FindingStatus.IGNORED, "aws_kms_alias", "alias/aws/ebs"),
                finding(FindingStatus.NOT_CHECKED, "aws_ebs_volume", "vol-1"));

        List<String> lines = IgnoreRuleText.baseline(findings, LocalDate.of(2026, 11, 30));

        assertThat(lines).containsExactly(
                "# Baseline of 2026-11-30: 3 drifting resource(s) accepted as they are. Remove a line to watch that resource again.",
                "aws_instance.i-1", "aws_sqs_queue.orders", "aws_s3_bucket.logs\\.example\\.com");
        IgnoreFile file = new IgnoreFile(dir.resolve(".driftignore"));
        file.write(List.of("aws_iam_role.legacy"));
        file.append(lines);
        IgnoreRules rules = file.rules();
        assertThat(rules.problems()).isEmpty();
        for (Finding f : findings) {
            assertThat(rules.ignoring(f.type(), f.id()).isPresent())
                    .as(f.type() + "." + f.id()).isEqualTo(IgnoreRuleText.DRIFT.contains(f.status()));
        }
        assertThat(file.lines().get(1)).isEmpty();
    }

    @Test
    void baselineOfAScanWithoutDriftWritesNothing() {
        assertThat(IgnoreRuleText.baseline(List.of(finding(FindingStatus.IN_SYNC, "aws_vpc", "vpc-1")), LocalDate.of(2026, 1, 1)))
                .isEmpty();
    }
}
