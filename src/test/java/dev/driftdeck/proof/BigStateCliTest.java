package dev.driftdeck.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.app.Main;
import dev.driftdeck.state.ParserBenchmark;
import dev.driftdeck.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB state through the real CLI in a child JVM capped at {@code -Xmx512m} (issue 8, bad input): the scan
 * completes with the ordinary drift exit code and reports every managed resource of it, here MISSING since none of
 * them exists in moto. The child is killed if it runs past its bound.
 */
class BigStateCliTest {

    @TempDir
    Path dir;

    @Test
    void hundredMegabyteStateIsScannedByTheCliIn512Megabytes() throws Exception {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        Path state = dir.resolve("huge.tfstate");
        int blocks = ParserBenchmark.write(state, 100L * 1024 * 1024);
        long managed = blocks - blocks / 4; // every fourth block is a data source
        Path report = dir.resolve("report.json");

        long start = System.nanoTime();
        int code;
        // ZGC, as the packaged launcher runs it (packaging/app-image.options).
        try (ChildJvm child = ChildJvm.start(List.of(), List.of("-Xmx512m", "-XX:+UseZGC", "-Daws.accessKeyId=testing",
                        "-Daws.secretAccessKey=testing"), Main.class, "scan", "--state", state.toString(), "--region",
                "us-east-1", "--endpoint-url", moto.endpoint(), "--output", "json", "--out", report.toString())) {
            code = child.waitForExit(Duration.ofSeconds(240));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(code).as("drift found (everything MISSING), not an error or an OutOfMemoryError").isEqualTo(1);
        Map<String, Long> summary = summary(report);
        System.out.printf("100 MB state (%.1f MB, %d managed) scanned by the CLI under -Xmx512m in %d ms: %s%n",
                Files.size(state) / 1048576.0, managed, millis, summary);
        assertThat(summary).containsEntry("total_managed", 0L).containsEntry("total_missing", managed);
    }

    /** The summary's counters, read by streaming: the report of ~160,000 findings is not loaded whole. */
    private static Map<String, Long> summary(Path report) throws Exception {
        Map<String, Long> summary = new HashMap<>();
        try (JsonParser json = new ObjectMapper().getFactory().createParser(report.toFile())) {
            while (json.nextToken() != null) {
                if (json.currentToken() == JsonToken.FIELD_NAME && "summary".equals(json.currentName())) {
                    json.nextToken();
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String name = json.currentName();
                        json.nextToken();
                        if (json.currentToken().isNumeric()) {
                            summary.put(name, json.getLongValue());
                        } else {
                            json.skipChildren();
                        }
                    }
                    return summary;
                }
            }
        }
        return summary;
    }
}
