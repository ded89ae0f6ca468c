package dev.driftdeck.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftdeck.store.AuditEntry;
import dev.driftdeck.store.AuditLog;
import dev.driftdeck.store.Database;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code driftdeck audit}: who changed a shared setting, state source or ignore rule, and when. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the change history of the shared settings, state sources and ignore rules, newest first:"
                + " who (user@host), when, what, before and after.")
final class AuditCommand implements Callable<Integer> {

    enum Format { console, json }

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N changes (default 50)")
    int limit;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "console", description = "console or json")
    Format output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One element of the JSON array; the time in ISO-8601 UTC. */
    record ChangeJson(long id, @JsonProperty("changed_at") String changedAt, @JsonProperty("changed_by") String changedBy,
                      String subject, String item, String action, String before, String after) {
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--limit " + limit + " shows nothing: give 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(database.locationOrDefault())) {
            RunsCommand.requireCurrentSchema(db);
            List<AuditEntry> entries = new AuditLog(db).recent(limit);
            switch (output) {
                case json -> out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(entries.stream().map(e -> new ChangeJson(e.id(), e.at().toString(),
                                e.by(), e.subject(), e.item(), e.action(), e.before(), e.after())).toList()));
                case console -> {
                    out.printf("%-28s %-24s %-12s %-8s %s%n", "WHEN", "WHO", "SUBJECT", "ACTION", "ITEM");
                    for (AuditEntry e : entries) {
                        out.printf("%-28s %-24s %-12s %-8s %s%s%n", e.at(), e.by(), e.subject(), e.action(), e.item(),
                                e.action().equals(AuditLog.CHANGED) ? ": " + e.before() + " -> " + e.after() : "");
                    }
                }
            }
        }
        out.flush();
        return DriftdeckCommand.IN_SYNC;
    }
}
