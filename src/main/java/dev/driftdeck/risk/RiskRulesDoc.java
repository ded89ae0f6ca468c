package dev.driftdeck.risk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Generates docs/risk-rules.md from the catalogue and the defaults; {@code RiskRulesDocTest} fails when stale. */
public final class RiskRulesDoc {

    public static final String REGENERATE = "mvn -q compile dependency:build-classpath"
            + " -Dmdep.outputFile=target/classpath.txt && java -cp \"target/classes:$(cat target/classpath.txt)\""
            + " dev.driftdeck.risk.RiskRulesDoc";

    private RiskRulesDoc() {
    }

    public static String markdown(RiskCatalogue catalogue) {
        StringBuilder md = new StringBuilder();
        md.append("# Risk rules\n\n")
                .append("Generated from `dev.driftdeck.risk.RiskCatalogue`; do not edit by hand. After changing a rule,")
                .append(" regenerate it with JDK 25:\n\n```bash\n").append(REGENERATE).append("\n```\n\n")
                .append("A rule is a **risk** of a finding when the drift *introduced* it: the state value passes and")
                .append(" the live value fails. The reverse (state fails, live passes) is shown as *fixed*. A rule")
                .append(" already failing in the state is not the drift's doing and is not reported. A CHANGED finding")
                .append(" is judged only on the rules that read one of its differing attributes (an attribute ignored")
                .append(" by `.driftignore` is never a risk). An UNMANAGED resource is judged on its live value alone.")
                .append(" A MISSING resource is judged as gone: only the rules of a security control whose absence is")
                .append(" the problem (public access block, trail, KMS key, bucket logging...) fail.\n\n")
                .append("`refs` name the AWS Security Hub control (`EC2.19`) and the CIS AWS Foundations Benchmark")
                .append(" v3.0 recommendation (`CIS 5.2`) where one exists.\n\n")
                .append("## Severity of a finding\n\n")
                .append("The most severe risk the drift introduced. Without one, a default by status and type:\n\n")
                .append("| status | default |\n|---|---|\n")
                .append("| CHANGED, only `tags`/`tags_all` differ | ").append(label(DefaultSeverity.changed("aws_sqs_queue", List.of("tags")))).append(" |\n")
                .append("| CHANGED, a security-sensitive type | ").append(label(DefaultSeverity.changed("aws_iam_role", List.of("path")))).append(" |\n")
                .append("| CHANGED, any other type | ").append(label(DefaultSeverity.changed("aws_sqs_queue", List.of("delay_seconds")))).append(" |\n")
                .append("| MISSING, a security control | ").append(label(DefaultSeverity.missing("aws_cloudtrail"))).append(" (also the floor when a risk is lower) |\n")
                .append("| MISSING, any other type | ").append(label(DefaultSeverity.missing("aws_sqs_queue"))).append(" |\n")
                .append("| UNMANAGED, a security-sensitive type | ").append(label(DefaultSeverity.unmanaged("aws_iam_user"))).append(" |\n")
                .append("| UNMANAGED, any other type | ").append(label(DefaultSeverity.unmanaged("aws_sqs_queue"))).append(" |\n")
                .append("| IN_SYNC, IGNORED, NOT_CHECKED | none (no drift) |\n\n")
                .append("Security controls: ").append(codes(DefaultSeverity.SECURITY_CONTROLS.stream().sorted().toList()))
                .append(".\n\nSecurity-sensitive types: IAM (`aws_iam_*`), security groups and their rules, network ACLs,")
                .append(" KMS, bucket policies, ACLs and public access blocks, Lambda permissions, CloudTrail, Secrets")
                .append(" Manager, and every `*_policy` type.\n\n")
                .append("## Rules\n\n").append(catalogue.rules().size()).append(" rules.\n\n")
                .append("`unmanaged`: whether an UNMANAGED resource is judged on the rule; a rule about something")
                .append(" turned off or taken away needs the state's value and is not.\n\n")
                .append("| id | severity | title | types | reads | unmanaged | refs |\n|---|---|---|---|---|---|---|\n");
        for (RiskRule rule : catalogue.rules()) {
            md.append("| ").append(rule.id()).append(" | ").append(rule.severity().name()).append(" | ")
                    .append(escape(rule.title())).append(" | ").append(codes(rule.types().stream().sorted().toList()))
                    .append(" | ").append(rule.reads().isEmpty() ? "its existence"
                            : codes(rule.reads().stream().sorted().toList()))
                    .append(" | ").append(rule.onlyAsChange() ? "no" : "yes")
                    .append(" | ").append(rule.refs().isEmpty() ? "—" : String.join(", ", rule.refs())).append(" |\n");
        }
        md.append("\n## Why, and the fix\n");
        for (RiskRule rule : catalogue.rules()) {
            md.append("\n### ").append(rule.id()).append(": ").append(rule.title()).append("\n\n")
                    .append("**").append(rule.severity().label()).append(".** ").append(rule.why()).append("\n\n")
                    .append("Fix: ").append(rule.fix()).append("\n");
        }
        return md.toString();
    }

    private static String label(Severity severity) {
        return severity.name();
    }

    private static String codes(List<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/risk-rules.md");
        Files.writeString(out, markdown(RiskCatalogue.standard()));
        System.out.println("wrote " + out);
    }
}
