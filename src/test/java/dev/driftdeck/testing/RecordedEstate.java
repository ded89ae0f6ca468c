package dev.driftdeck.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Terraform apply recorded once by {@code scripts/record-moto-estates.sh} (real Terraform, the provider mirror, a
 * seeded moto_server, moto's request recorder) and replayed into a test's moto in about two seconds, where applying
 * the configuration again takes a minute (most of it the provider waiting for SQS attributes to settle). Seeded the
 * same way and fed the same requests in the same order, moto hands out the same ids, so the recorded state describes
 * the replayed estate exactly; a test that finds it out of sync fails as it would after a real apply.
 *
 * <p>The recording is of {@code fixtures/terraform/<config>} as it was: a changed configuration fails here, naming
 * the script that records it again, rather than replaying an estate the configuration no longer describes.
 */
public final class RecordedEstate {

    /** The seed the script gave moto before recording. */
    private static final int SEED = 42;
    private static final String HOST_PORT = "MOTO_HOST_PORT";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RecordedEstate() {
    }

    /** The {@code foundation} configuration, replayed into a server started as {@link MotoServer#current()} is. */
    public static Path foundation(MotoServer moto, Path workDir) throws IOException, InterruptedException {
        return replay("foundation", "foundation", moto, workDir);
    }

    /** The {@code foundation} configuration for a server that loaded AWS's managed policies. */
    public static Path foundationWithManagedPolicies(MotoServer moto, Path workDir)
            throws IOException, InterruptedException {
        return replay("foundation", "foundation-managed-policies", moto, workDir);
    }

    /**
     * Resets {@code moto}, replays the variant's recorded requests into it and writes the recorded state, pointed at
     * this server, to {@code workDir/terraform.tfstate}.
     */
    private static Path replay(String config, String variant, MotoServer moto, Path workDir)
            throws IOException, InterruptedException {
        String recorded = resource(variant, "config.sha256").trim();
        String now = digest(Path.of("fixtures", "terraform", config));
        if (!recorded.equals(now)) {
            throw new IllegalStateException("fixtures/terraform/" + config + " changed since moto-recordings/" + variant
                    + " was recorded; run scripts/record-moto-estates.sh " + variant);
        }
        moto.reset();
        post(moto, "/moto-api/seed?a=" + SEED, HttpRequest.BodyPublishers.noBody());
        post(moto, "/moto-api/recorder/upload-recording",
                HttpRequest.BodyPublishers.ofString(resource(variant, "requests.jsonl")));
        post(moto, "/moto-api/recorder/replay-recording", HttpRequest.BodyPublishers.noBody());
        Files.createDirectories(workDir);
        Path state = workDir.resolve("terraform.tfstate");
        Files.writeString(state, resource(variant, "terraform.tfstate").replace(HOST_PORT, "127.0.0.1:" + moto.port()));
        return state;
    }

    private static void post(MotoServer moto, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(moto.endpoint() + path))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(2)).POST(body).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto answered " + response.statusCode() + " to " + path + ": "
                    + response.body());
        }
    }

    private static String resource(String variant, String file) throws IOException {
        String name = "/moto-recordings/" + variant + "/" + file;
        try (InputStream in = RecordedEstate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath; run scripts/record-moto-estates.sh");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** As the script computes it: each file's {@code ./relative} path on a line, then its bytes, in byte order. */
    static String digest(Path config) throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.walk(config)) {
            files = paths.filter(Files::isRegularFile)
                    .map(path -> "./" + config.relativize(path).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("./.terraform/") && !name.equals("./.terraform.lock.hcl")
                            && !name.contains(".tfstate"))
                    .sorted(RecordedEstate::byBytes)
                    .toList();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : files) {
            all.writeBytes((name + "\n").getBytes(StandardCharsets.UTF_8));
            all.writeBytes(Files.readAllBytes(config.resolve(name.substring(2))));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int byBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
