package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.app.DesktopBootstrap.Desktop;
import dev.driftdeck.store.DataDirectory;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Driftdeck writes to disk and into reports: private files, no credential, no secret from state. */
class SecurityTest {

    private static final Path FOUNDATION = Path.of("src/test/resources/tfstate/moto-foundation.tfstate");

    @TempDir
    Path dir;

    @Test
    void consoleBootKeepsTheDataDirectoryLogsAndDatabaseToTheOwner() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("fresh/driftdeck"));

        try (Desktop desktop = DatabaseFaultTest.boot(data)) {
            assertThat(desktop.runningScheduler()).isPresent();
            assertThat(permissions(data.root())).isEqualTo("rwx------");
            assertThat(permissions(Path.of(data.database() + ".mv.db"))).isEqualTo("rw-------");
            assertThat(permissions(data.logs())).as("rolled log files inherit no access through it").isEqualTo("rwx------");
            assertThat(permissions(data.logs().resolve("driftdeck.log"))).isEqualTo("rw-------");
        }
    }

    @Test
    void cliScanNeverWritesTheCredentialsItUsed() throws Exception {
        MotoServer moto = MotoServer.shared();
        String keyId = "AKIDMARKER" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String secret = "secret-marker-" + UUID.randomUUID();
        System.setProperty("aws.accessKeyId", keyId);
        System.setProperty("aws.secretAccessKey", secret);
        try {
            Path db = dir.resolve("data/driftdeck");
            Path report = dir.resolve("reports/scan.json");
            CliBadInputTest.Result result = CliBadInputTest.cli("scan", "--state", FOUNDATION.toString(),
                    "--region", "us-east-1", "--endpoint-url", moto.endpoint(), "--output", "json",
                    "--out", report.toString(), "--db", db.toString());
            assertThat(result.code()).as(result.err()).isIn(0, 1);
            assertThat(report).exists();
            assertThat(Path.of(db + ".mv.db")).exists();

            List<Path> written = filesUnder(dir);
            assertThat(written).hasSizeGreaterThanOrEqualTo(2);
            for (Path file : written) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(keyId).doesNotContain(secret);
            }
            assertThat(result.out() + result.err()).doesNotContain(keyId).doesNotContain(secret);
        } finally {
            MotoClients.useFakeCredentialsForDefaultChain();
        }
    }

    @Test
    void reportsAndExportsNeverShowASensitiveValueFromState() throws Exception {
        MotoServer moto = MotoServer.shared();
        MotoClients.useFakeCredentialsForDefaultChain();
        String raw = Files.readString(FOUNDATION);
        List<String> secrets = new ArrayList<>(List.of("fixture-password-not-secret", "fixture-token-not-secret"));
        secrets.add(group(raw, "\"secret\": \"([^\"]+)\""));
        secrets.add(group(raw, "\"ses_smtp_password_v4\": \"([^\"]+)\""));
        secrets.add(group(raw, "\"id\": \"(AKIA[A-Z0-9]{16})\""));
        secrets.forEach(secret -> assertThat(raw).as("the fixture holds it in clear").contains(secret));
        Path db = dir.resolve("data/driftdeck");

        List<String> outputs = new ArrayList<>();
        for (String format : List.of("json", "csv", "console")) {
            CliBadInputTest.Result scan = CliBadInputTest.cli("scan", "--state", FOUNDATION.toString(), "--region",
                    "us-east-1", "--endpoint-url", moto.endpoint(), "--output", format, "--db", db.toString());
            assertThat(scan.code()).as(scan.err()).isIn(0, 1);
            assertThat(scan.out()).contains("aws_iam_access_key");
            outputs.add(scan.out() + scan.err());
            CliBadInputTest.Result export = CliBadInputTest.cli("export", "--db", db.toString(), "--scan", "latest",
                    "--output", format);
            assertThat(export.code()).as(export.err()).isZero();
            outputs.add(export.out() + export.err());
        }
        for (String output : outputs) {
            for (String secret : secrets) {
                assertThat(output).doesNotContain(secret);
            }
        }
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
