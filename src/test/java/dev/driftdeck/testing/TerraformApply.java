package dev.driftdeck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Applies a Terraform configuration from {@code fixtures/terraform/} against moto with the preinstalled Terraform
 * and the offline hashicorp/aws provider mirror, the same way {@code scripts/make-tfstate-fixtures.sh} does, and
 * returns the real state file it wrote.
 */
public final class TerraformApply {

    private TerraformApply() {
    }

    /** Copies {@code fixtures/terraform/<config>} into {@code workDir}, applies it, refreshes once, returns the state. */
    public static Path apply(String config, String endpoint, Path workDir) throws IOException, InterruptedException {
        Path source = Path.of("fixtures", "terraform", config);
        copyTree(source, workDir);
        Path mirror = ProviderMirror.find();
        Path rc = workDir.resolve(".terraformrc");
        Files.writeString(rc, """
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["registry.terraform.io/hashicorp/aws"]
                  }
                  direct {
                    exclude = ["registry.terraform.io/hashicorp/aws"]
                  }
                }
                """.formatted(mirror));
        Map<String, String> env = Map.of(
                "TF_CLI_CONFIG_FILE", rc.toString(),
                "TF_IN_AUTOMATION", "1",
                "CHECKPOINT_DISABLE", "1",
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_DEFAULT_REGION", "us-east-1");
        String endpointVar = "endpoint=" + endpoint;
        run(workDir, env, List.of("terraform", "init", "-input=false", "-no-color"));
        run(workDir, env, List.of("terraform", "apply", "-input=false", "-no-color", "-auto-approve", "-var", endpointVar));
        run(workDir, env, List.of("terraform", "apply", "-refresh-only", "-input=false", "-no-color", "-auto-approve",
                "-var", endpointVar));
        return workDir.resolve("terraform.tfstate");
    }

    private static void run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("terraform-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes; log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
