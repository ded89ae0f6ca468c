package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.ScanRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftdeck export --output fix-plan}: a stored scan's fix plan, whole or filtered, to a file or stdout. */
class FixPlanExportCommandTest {

    @TempDir
    Path dir;

    private Path storedScan() {
        Path db = dir.resolve("driftdeck");
        Finding queue = new Finding(FindingStatus.CHANGED, "aws_sqs_queue", "https://sqs/jobs", "aws_sqs_queue.jobs",
                "111111111111", "eu-west-1", "prod.tfstate",
                List.of(new AttributeDiff(List.of("delay_seconds"), "0", "5", DiffKind.CHANGED)), null);
        Finding gone = new Finding(FindingStatus.MISSING, "aws_vpc", "vpc-1", "aws_vpc.main", "111111111111",
                "us-east-1", "prod.tfstate", List.of(), null);
        Finding stray = new Finding(FindingStatus.UNMANAGED, "aws_sqs_queue", "https://sqs/stray", null,
                "111111111111", "eu-west-1", null, List.of(), null);
        try (Database database = Database.open(db)) {
            Migrations.migrateAndVerify(database);
            new ScanRepository(database).save(new ScanReport(Instant.parse("2026-12-06T10:00:00Z"),
                    Instant.parse("2026-12-06T10:01:00Z"), List.of(), List.of(queue, gone, stray), List.of(), Map.of(),
                    List.of("111111111111"), List.of("eu-west-1", "us-east-1")));
        }
        return db;
    }

    @Test
    void writesEveryActionOfTheLatestScanToTheFile() throws Exception {
        Path db = storedScan();
        Path plan = dir.resolve("FIX.md");

        Result result = cli("export", "--db", db.toString(), "--scan", "latest", "--output", "fix-plan", "--out", plan.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).isEqualTo("Wrote the fix plan to " + plan + "; nothing in it has been run.\n");
        assertThat(Files.readString(plan)).startsWith("# Driftdeck fix plan\n")
                .containsSubsequence("## Changed", "aws_sqs_queue.jobs", "delay_seconds = 5",
                        "## Missing", "aws_vpc.main", "removed {",
                        "## Unmanaged", "import {", "id = \"https://sqs/stray\"");
    }

    @Test
    void theFiltersSelectWhatGoesIntoThePlan() {
        Path db = storedScan();

        Result result = cli("export", "--db", db.toString(), "--scan", "latest", "--output", "fix-plan",
                "--region", "us-east-1");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("(selected: region us-east-1)").contains("aws_vpc.main")
                .doesNotContain("aws_sqs_queue.jobs").doesNotContain("https://sqs/stray");
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
