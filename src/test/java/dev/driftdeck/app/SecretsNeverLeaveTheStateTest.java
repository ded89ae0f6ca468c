package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.cli.DriftdeckCommand;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.S3States;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full CLI scan with {@code --db} of the Terraform-made fixture, read once from moto S3 and once from a local copy,
 * then exports. Its known secrets (an IAM secret access key, an SSM SecureString value, an access key id) must not
 * be in the database file's bytes, the log file, or any report; and the resources present in both states are
 * reported with a "managed twice" alert naming both addresses and both sources.
 */
class SecretsNeverLeaveTheStateTest {

    private static final List<String> SECRETS = List.of(
            "+g1KONIQte+VeLhR82oJSf5EHZXDZ2aNrBrWZPIQ", // aws_iam_access_key.secret (sensitive attribute)
            "fixture-password-not-secret",              // aws_ssm_parameter.value (sensitive attribute)
            "AKIARZPUZDIKCO3X6CUO");                    // the access key id, stored redacted

    @TempDir
    static Path temp;

    private static final List<String> outputs = new ArrayList<>();
    private static Path db;
    private static Path logs;
    private static String json;

    @BeforeAll
    static void scanAndExport() throws Exception {
        MotoServer.shared().reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        Path fixture = Path.of(SecretsNeverLeaveTheStateTest.class.getResource("/tfstate/moto-foundation.tfstate").toURI());
        S3States.bucket("tf-states");
        S3States.put("tf-states", "prod/terraform.tfstate", Files.readString(fixture));
        Path local = Files.copy(fixture, temp.resolve("copy.tfstate"));
        logs = temp.resolve("logs");
        FileLogging.install(logs);
        db = temp.resolve("driftdeck");
        String endpoint = MotoServer.shared().endpoint();
        Path jsonReport = temp.resolve("report.json");
        cli("scan", "--state", "s3://tf-states/prod/terraform.tfstate", "--state", local.toString(),
                "--region", "us-east-1", "--endpoint-url", endpoint, "--db", db.toString(), "--output", "json",
                "--out", jsonReport.toString());
        json = Files.readString(jsonReport);
        outputs.add(json);
        cli("scan", "--state", "s3://tf-states/prod/terraform.tfstate", "--region", "us-east-1",
                "--endpoint-url", endpoint, "--output", "csv");
        cli("scan", "--state", "s3://tf-states/prod/terraform.tfstate", "--region", "us-east-1",
                "--endpoint-url", endpoint, "--output", "console");
        cli("export", "--db", db.toString(), "--scan", "latest", "--output", "csv");
        cli("export", "--db", db.toString(), "--scan", "latest", "--output", "json");
    }

    @Test
    void knownSecretsAreInNeitherTheDatabaseFileNorTheLogsNorAnyReport() throws Exception {
        String database = new String(Files.readAllBytes(Path.of(db + ".mv.db")), StandardCharsets.ISO_8859_1);
        String logText;
        try (Stream<Path> files = Files.walk(logs)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file));
            }
            logText = all.toString();
        }
        assertThat(json).contains("aws_iam_access_key", "aws_ssm_parameter"); // the resources are there...
        assertThat(logText).contains("Scan finished");                          // ...and the log was written
        for (String secret : SECRETS) {
            assertThat(database).as("database file").doesNotContain(secret);
            assertThat(logText).as("log files").doesNotContain(secret);
            assertThat(outputs).as("reports").allSatisfy(report -> assertThat(report).doesNotContain(secret));
        }
        assertThat(outputs).hasSize(11);
    }

    @Test
    void aResourceInTwoStatesIsReportedOnceWithAnAlertNamingBothAddressesAndSources() {
        assertThat(json).contains("is managed twice: aws_iam_user.ci (s3://tf-states/prod/terraform.tfstate) and "
                + "aws_iam_user.ci (" + temp.resolve("copy.tfstate") + ")");
    }

    private static void cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code of %s: %s", String.join(" ", args), err).isBetween(0, 1);
        outputs.add(out.toString());
        outputs.add(err.toString());
    }
}
