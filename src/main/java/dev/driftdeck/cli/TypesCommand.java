package dev.driftdeck.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftdeck.aws.Collector;
import dev.driftdeck.aws.Collectors;
import dev.driftdeck.aws.ProviderArguments;
import dev.driftdeck.aws.ResourceTypesDoc;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code driftdeck types}: what a scan checks, type by type, straight from the collectors' declarations. */
@Command(name = "types", mixinStandardHelpOptions = true,
        description = "List the supported resource types: scope, compared attributes and the IAM actions they need.")
final class TypesCommand implements Callable<Integer> {

    enum Format { console, json }

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "console", description = "console or json")
    Format output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One element of the JSON array. */
    record TypeJson(String type, String scope, List<ComparedJson> compared,
                    @JsonProperty("not_compared") List<NotComparedJson> notCompared,
                    @JsonProperty("schema_arguments") int schemaArguments, double coverage,
                    @JsonProperty("iam_actions") List<String> iamActions) {
    }

    record NotComparedJson(String attribute, String reason) {
    }

    record ComparedJson(String attribute, String normalization) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Collector> collectors = Collectors.all();
        switch (output) {
            case json -> out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(collectors.stream().map(TypesCommand::json).toList()));
            case console -> collectors.forEach(collector -> console(collector, out));
        }
        out.flush();
        return DriftdeckCommand.IN_SYNC;
    }

    private static TypeJson json(Collector collector) {
        return new TypeJson(collector.type(), ResourceTypesDoc.scope(collector),
                collector.spec().compared().stream()
                        .map(rule -> new ComparedJson(rule.name(), ResourceTypesDoc.normalization(rule))).toList(),
                collector.notCompared().stream().map(entry -> new NotComparedJson(entry.attribute(), entry.reason())).toList(),
                ProviderArguments.get().arguments(collector.type()).size(),
                Math.round(ProviderArguments.get().coverage(collector) * 1000) / 1000.0,
                collector.iamActions());
    }

    private static void console(Collector collector, PrintWriter out) {
        out.println(collector.type() + " (" + ResourceTypesDoc.scope(collector) + ")");
        out.println("  compared:    " + (collector.spec().compared().isEmpty() ? "existence only"
                : String.join(", ", collector.spec().compared().stream().map(ResourceTypesDoc::describe).toList())));
        collector.notCompared().forEach(entry ->
                out.println("  not compared: " + entry.attribute() + " (" + entry.reason() + ")"));
        out.println("  coverage:    " + ResourceTypesDoc.coverage(collector) + " provider arguments compared");
        out.println("  IAM actions: " + String.join(", ", collector.iamActions()));
        out.println();
    }
}
