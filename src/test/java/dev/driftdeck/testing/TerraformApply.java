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
        Path state = applyWithoutRefresh(config, endpoint, workDir);
        refresh(workDir, endpoint);
        return state;
    }

    /**
     * As {@link #apply}, without the refresh: the state as a first {@code terraform apply} leaves it, holding what
     * the configuration said where the provider did not read the value back (nulls in nested blocks, a parent's
     * copy of what a separate resource added after it).
     */
    public static Path applyWithoutRefresh(String config, String endpoint, Path workDir)
            throws IOException, InterruptedException {
        Path source = Path.of("fixtures", "terraform", config);
        copyTree(source, workDir);
        Path rc = workDir.resolve(".terraformrc");
        writeMirrorConfig(rc);
        Map<String, String> env = env(rc);
        String endpointVar = "endpoint=" + endpoint;
        run(workDir, env, List.of("terraform", "init", "-input=false", "-no-color"));
        run(workDir, env, List.of("terraform", "apply", "-input=false", "-no-color", "-auto-approve", "-var", endpointVar));
        return workDir.resolve("terraform.tfstate");
    }

    /** The CLI configuration that takes hashicorp/aws from the offline mirror and nothing else from the network. */
    private static void writeMirrorConfig(Path rc) throws IOException {
        Path mirror = ProviderMirror.find();
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
    }

    /**
     * Runs one terraform command in {@code workDir} (a configuration written by the caller, the provider from the
     * mirror) and returns its output; fails with the output when it fails.
     */
    public static String command(Path workDir, String... args) throws IOException, InterruptedException {
        Path rc = workDir.resolve(".terraformrc");
        if (!Files.exists(rc)) {
            writeMirrorConfig(rc);
        }
        Path log = Files.createTempFile("terraform-", ".log");
        List<String> command = new java.util.ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        run(workDir, env(rc), command, log);
        return Files.readString(log);
    }

    /** {@code terraform apply -refresh-only} in a directory {@link #applyWithoutRefresh} set up. */
    public static void refresh(Path workDir, String endpoint) throws IOException, InterruptedException {
        run(workDir, env(workDir.resolve(".terraformrc")), List.of("terraform", "apply", "-refresh-only", "-input=false",
                "-no-color", "-auto-approve", "-var", "endpoint=" + endpoint));
    }

    /**
     * {@code terraform plan -refresh-only} in a directory {@link #apply} set up, as {@code terraform show -json} of
     * that plan: its {@code resource_drift} is what Terraform itself calls drift.
     */
    public static String refreshOnlyPlanJson(Path workDir, String endpoint) throws IOException, InterruptedException {
        Map<String, String> env = env(workDir.resolve(".terraformrc"));
        run(workDir, env, List.of("terraform", "plan", "-refresh-only", "-input=false", "-no-color", "-out=refresh.plan",
                "-var", "endpoint=" + endpoint));
        Path json = workDir.resolve("refresh.plan.json");
        run(workDir, env, List.of("terraform", "show", "-json", "-no-color", "refresh.plan"), json);
        return Files.readString(json);
    }

    /**
     * {@code terraform plan} in a directory {@link #apply} set up (after the test edited its configuration), as
     * {@code terraform show -json} of that plan: its {@code resource_changes} say what Terraform would do.
     */
    public static String planJson(Path workDir, String endpoint) throws IOException, InterruptedException {
        Map<String, String> env = env(workDir.resolve(".terraformrc"));
        run(workDir, env, List.of("terraform", "plan", "-input=false", "-no-color", "-out=edited.plan",
                "-var", "endpoint=" + endpoint));
        Path json = workDir.resolve("edited.plan.json");
        run(workDir, env, List.of("terraform", "show", "-json", "-no-color", "edited.plan"), json);
        return Files.readString(json);
    }

    private static Map<String, String> env(Path rc) {
        return Map.of(
                "TF_CLI_CONFIG_FILE", rc.toString(),
                "TF_IN_AUTOMATION", "1",
                "CHECKPOINT_DISABLE", "1",
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_DEFAULT_REGION", "us-east-1",
                // The provider (a large Go binary) spends a quarter of its CPU collecting garbage at Go's default;
                // with memory to spare, collecting less often saves that on the 2-core CI machine.
                "GOGC", "400");
    }

    private static void run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        run(dir, env, command, Files.createTempFile("terraform-", ".log"));
    }

    /** Runs a terraform command with its output (stdout and stderr) in {@code log}; fails with the log when it fails. */
    private static void run(Path dir, Map<String, String> env, List<String> command, Path log)
            throws IOException, InterruptedException {
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
