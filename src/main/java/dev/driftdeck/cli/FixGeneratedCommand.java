package dev.driftdeck.cli;

import dev.driftdeck.remediation.GeneratedConfigFixes;
import dev.driftdeck.report.ExportFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftdeck fix-generated generated.tf}: after {@code terraform plan -generate-config-out=generated.tf} failed
 * on the arguments the provider writes but rejects, rewrites the file without them (docs/remediation.md), so the
 * next {@code terraform plan} imports without changes.
 */
@Command(name = "fix-generated", mixinStandardHelpOptions = true,
        description = "Remove from a generated.tf the arguments Terraform writes but rejects (see docs/remediation.md).")
final class FixGeneratedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The file terraform plan -generate-config-out wrote")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String generated;
        try {
            generated = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().printf("No file %s: run terraform plan -generate-config-out=%s first.%n",
                    file, file.getFileName());
            return DriftdeckCommand.ERROR;
        }
        String fixed = GeneratedConfigFixes.apply(generated);
        ExportFormat.writeAtomically(file, out -> out.write(fixed));
        spec.commandLine().getOut().printf("%s: %s; now run terraform plan again.%n", file,
                fixed.equals(generated) ? "nothing to fix" : "removed the arguments Terraform rejects");
        return DriftdeckCommand.IN_SYNC;
    }
}
