package dev.driftdeck.aws;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.TypeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * What each supported type covers, as the collectors declare it: {@code docs/resource-types.md} and
 * {@code driftdeck types} are both built from here, so neither can claim more than a scan checks.
 */
public final class ResourceTypesDoc {

    /** How to regenerate the page, for the page itself, its staleness test and the README. */
    public static final String REGENERATE = "mvn -q compile dependency:build-classpath"
            + " -Dmdep.outputFile=target/classpath.txt && java -cp \"target/classes:$(cat target/classpath.txt)\""
            + " dev.driftdeck.aws.ResourceTypesDoc";

    private ResourceTypesDoc() {
    }

    /** {@code global} or {@code regional}. */
    public static String scope(Collector collector) {
        return collector.global() ? "global" : "regional";
    }

    /** The normalisation's name as shown to users, e.g. {@code json_document}. */
    public static String normalization(AttributeRule rule) {
        return rule.normalization().name().toLowerCase(Locale.ROOT);
    }

    /** One compared attribute with its normalisation, e.g. {@code tags (tags)}. */
    public static String describe(AttributeRule rule) {
        return rule.name() + " (" + normalization(rule) + ")";
    }

    /** Compared ÷ the provider's arguments, e.g. {@code 8/10}. */
    public static String coverage(Collector collector) {
        ProviderArguments schema = ProviderArguments.get();
        return schema.comparedArguments(collector) + "/" + schema.arguments(collector.type()).size();
    }

    /** The not-compared arguments grouped by reason: {@code `a`, `b`: reason; `c`: other reason}. */
    static String notCompared(Collector collector) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        collector.notCompared().forEach(entry ->
                byReason.computeIfAbsent(entry.reason(), reason -> new ArrayList<>()).add("`" + entry.attribute() + "`"));
        if (byReason.isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, attributes) -> parts.add(String.join(", ", attributes) + ": " + reason));
        return String.join("; ", parts);
    }

    /** The Markdown page: one table row per type, in registry order. */
    public static String markdown(List<? extends Collector> collectors) {
        StringBuilder md = new StringBuilder();
        md.append("# Supported resource types\n\n")
                .append("Generated from the collectors by `dev.driftdeck.aws.ResourceTypesDoc`; do not edit by hand.")
                .append(" After changing a collector, regenerate it with JDK 25:\n\n```bash\n").append(REGENERATE).append("\n```\n\n")
                .append(collectors.size()).append(" types. Every argument of a type in the hashicorp/aws provider ")
                .append(ProviderArguments.get().version()).append(" schema is either compared or listed as not compared")
                .append(" with the reason; coverage is compared ÷ arguments. A type with no compared attribute is checked")
                .append(" for existence only. The normalisation in brackets says how both sides are made comparable")
                .append(" (see `dev.driftdeck.drift.Normalization`).\n\n")
                .append("| type | scope | coverage | compared attributes | not compared (why) | IAM actions |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Collector collector : collectors) {
            String compared = collector.spec().compared().isEmpty() ? "existence only"
                    : String.join(", ", collector.spec().compared().stream()
                            .map(rule -> "`" + rule.name() + "` (" + normalization(rule) + ")").toList());
            String actions = String.join(", ", collector.iamActions().stream().map(action -> "`" + action + "`").toList());
            md.append("| `").append(collector.type()).append("` | ").append(scope(collector)).append(" | ")
                    .append(coverage(collector)).append(" | ").append(compared).append(" | ")
                    .append(notCompared(collector)).append(" | ").append(actions).append(" |\n");
        }
        List<TypeSpec> aliases = Collectors.specs().stream().filter(spec -> spec.aliasOf() != null).toList();
        if (!aliases.isEmpty()) {
            md.append("\nOther names the provider gives a type, checked as that type (same listing, same attributes;")
                    .append(" an unmanaged object is reported under the type above):\n\n");
            aliases.forEach(alias -> md.append("- `").append(alias.type()).append("`: `").append(alias.aliasOf())
                    .append("`\n"));
        }
        return md.toString();
    }

    /** Writes the page: {@code ResourceTypesDoc [file]} regenerates {@code docs/resource-types.md}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/resource-types.md");
        Files.writeString(out, markdown(Collectors.all()));
        System.out.println("wrote " + out);
    }
}
