package dev.driftdeck.aws;

import dev.driftdeck.remediation.GeneratedConfigFixes;
import dev.driftdeck.remediation.ImportFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code docs/remediation.md}, generated from the collectors' import id declarations and the fixes Driftdeck applies
 * to generated configuration, so the page cannot claim more than the export does.
 */
public final class RemediationDoc {

    /** How to regenerate the page, for the page itself and its staleness test. */
    public static final String REGENERATE = "mvn -q compile dependency:build-classpath"
            + " -Dmdep.outputFile=target/classpath.txt && java -cp \"target/classes:$(cat target/classpath.txt)\""
            + " dev.driftdeck.aws.RemediationDoc";

    private RemediationDoc() {
    }

    public static String markdown(List<Collector> collectors, Map<String, String> aliases) {
        StringBuilder md = new StringBuilder();
        md.append("# Remediation: from an unmanaged resource to Terraform code\n\n")
                .append("Generated from the collectors by `dev.driftdeck.aws.RemediationDoc`; do not edit by hand. After"
                        + " changing a collector's import id, regenerate it with JDK 25:\n\n```bash\n")
                .append(REGENERATE).append("\n```\n\n")
                .append("## Importing what a scan found unmanaged\n\n")
                .append("```bash\n")
                .append("driftdeck export --scan latest --output import-tf --out import.tf   # --type, --account,"
                        + " --region, --severity to narrow it\n")
                .append(ImportFile.GENERATE_COMMAND).append("   # writes generated.tf (it must not exist yet)\n")
                .append("driftdeck fix-generated generated.tf   # only if that plan failed on the arguments below\n")
                .append("terraform plan    # N to import, 0 to add, 0 to change, 0 to destroy\n")
                .append("terraform apply\n```\n\n")
                .append("Each unmanaged resource becomes an `import { to = <type>.<name>, id = \"<import id>\" }` block. The"
                        + " name comes from the `Name` tag, else the `name` attribute, else the id, in lower-case snake"
                        + " case, unique within the file (`_2`, `_3`...). Blocks are grouped by account and region; a file"
                        + " spanning several carries a commented `provider = aws.<alias>` line per block to uncomment"
                        + " once the aliased providers exist. The import id is worked out at scan time (some need live"
                        + " attributes the finding does not keep) and stored with the finding. The console shows the"
                        + " block in a finding's detail pane and exports a scan's `import.tf` from the Reports page.\n\n")
                .append("## Import id per type\n\n")
                .append("As the hashicorp/aws provider 5.100.0 documents it (each resource page's \"Import\" section)."
                        + " \"the id\" is the id Driftdeck reports for the resource (`driftdeck types`, the reports).\n\n")
                .append("| type | import id |\n|---|---|\n");
        for (Collector collector : collectors) {
            md.append("| `").append(collector.type()).append("` | ").append(cell(collector)).append(" |\n");
            aliases.entrySet().stream().filter(alias -> alias.getValue().equals(collector.type())).map(Map.Entry::getKey)
                    .sorted().forEach(alias -> md.append("| `").append(alias).append("` | as `")
                            .append(collector.type()).append("` (an unmanaged object is reported under that type) |\n"));
        }
        md.append("\n## What `terraform plan -generate-config-out` gets wrong, and what Driftdeck does instead\n\n")
                .append("Generation is still experimental in Terraform. The provider writes every attribute it read back,"
                        + " including zero values its own validation rejects and both sides of \"conflicts with\""
                        + " pairs; the plan then fails, though the file is written. `driftdeck fix-generated generated.tf`"
                        + " removes these arguments (the provider computes them back, so the next plan changes nothing),"
                        + " or, where AWS holds a value the provider refuses, removes it and adds it to"
                        + " `lifecycle { ignore_changes }`. Seen with Terraform 1.11.4 and hashicorp/aws 5.100.0:\n\n")
                .append("| type | argument | fix | why |\n|---|---|---|---|\n");
        for (GeneratedConfigFixes.Fix fix : GeneratedConfigFixes.ALL) {
            md.append("| `").append(fix.type()).append("` | `").append(fix.argument()).append("` | ")
                    .append(fix.ignoreChanges() ? "removed, ignored" : "removed").append(" | ")
                    .append(fix.why().replace("|", "\\|")).append(" |\n");
        }
        md.append("\nOther known limits: generation cannot write configuration for `for_each`/`count` import blocks or"
                + " inside modules (hashicorp/terraform#35968, #34348), which is why the file has one plain block per"
                + " resource; move the generated blocks into modules afterwards with `moved {}`. A parent and its"
                + " separate-style children (a bucket and its `aws_s3_bucket_versioning`, a security group and its"
                + " `aws_vpc_security_group_ingress_rule`) are imported as separate resources, as the provider v4+ style"
                + " wants; the parent's generated configuration does not repeat them. Against moto 5.2.1 an imported"
                + " `aws_kms_key` reads no `key_usage` back and the plan replaces it (not seen on AWS, where"
                + " DescribeKey returns it); review any plan that is not import-only before applying it.\n");
        return md.toString();
    }

    private static String cell(Collector collector) {
        var importId = collector.importId();
        if (!importId.importable()) {
            return "not importable: " + importId.refusal().replace("|", "\\|");
        }
        // a description ("the queue URL") reads as words, a syntax (ZONEID_NAME_TYPE) as code
        String syntax = importId.syntax().replace("|", "\\|");
        return syntax.startsWith("the ") ? syntax : "`" + syntax + "`";
    }

    /** Writes the page: {@code RemediationDoc [file]} regenerates {@code docs/remediation.md}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/remediation.md");
        Files.writeString(out, markdown(Collectors.all(), LoadBalancerCollectors.ALIASES));
        System.out.println("wrote " + out);
    }
}
