package dev.driftdeck.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftdeck.schedule.JobRun;
import dev.driftdeck.schedule.RunQuery;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.JdbcRunStore;
import dev.driftdeck.store.LeaderLock;
import dev.driftdeck.store.LeaderStatus;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.RecordedRun;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code driftdeck runs}: the scheduler's run history, each run with the instance (host:pid) that ran it. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Print the scheduler's run history, newest first, with the instance (host:pid) that ran each run.")
final class RunsCommand implements Callable<Integer> {

    enum Format { console, json }

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--job", paramLabel = "NAME", description = "Only this job's runs (drift-scan, state-sync, daily-refresh)")
    String job;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N runs (default 20)")
    int limit;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "console", description = "console or json")
    Format output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One element of the JSON array; times in ISO-8601 UTC, null while running. */
    record RunJson(long id, String job, String trigger, String outcome, String started, String finished,
                   String instance, @JsonProperty("scheduled_for") String scheduledFor,
                   @JsonProperty("coalesced_slots") int coalescedSlots, String error) {
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--limit " + limit + " shows nothing: give 1 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(database.locationOrDefault())) {
            requireCurrentSchema(db);
            List<RecordedRun> runs = new JdbcRunStore(db).history(new RunQuery(job, null, limit));
            switch (output) {
                case json -> out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(runs.stream().map(RunsCommand::json).toList()));
                case console -> console(db, runs, out);
            }
        }
        out.flush();
        return DriftdeckCommand.IN_SYNC;
    }

    /** Read-only commands refuse a schema this Driftdeck cannot read rather than migrate a team's database. */
    static void requireCurrentSchema(Database db) {
        if (Migrations.info(db).pending() > 0 || Migrations.info(db).newerThanThis()) {
            throw new IllegalStateException("The database " + db.location() + " is not at this Driftdeck's"
                    + " schema; run 'driftdeck migrate --db " + db.location() + "' (or upgrade Driftdeck)");
        }
    }

    private static RunJson json(RecordedRun recorded) {
        JobRun run = recorded.run();
        return new RunJson(run.id(), run.job(), run.trigger().name(),
                run.outcome() == null ? "RUNNING" : run.outcome().name(), iso(run.startedAt()), iso(run.finishedAt()),
                recorded.instance(), iso(run.scheduledFor()), run.coalescedSlots(), run.error());
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void console(Database db, List<RecordedRun> runs, PrintWriter out) {
        if (db.shared()) {
            LeaderStatus leader = LeaderLock.status(db);
            out.println(leader.holder() == null ? "Leader: none yet"
                    : "Leader: " + leader.holder() + " since " + leader.since() + " (term " + leader.epoch() + ")"
                    + (leader.held() ? "" : ", not holding the lock now: a follower takes over"));
        }
        out.printf("%-8s %-14s %-12s %-10s %-24s %-24s %s%n", "ID", "JOB", "TRIGGER", "OUTCOME", "STARTED",
                "FINISHED", "INSTANCE");
        for (RecordedRun recorded : runs) {
            JobRun run = recorded.run();
            out.printf("%-8d %-14s %-12s %-10s %-24s %-24s %s%n", run.id(), run.job(), run.trigger(),
                    run.outcome() == null ? "RUNNING" : run.outcome(), run.startedAt(),
                    run.finishedAt() == null ? "-" : run.finishedAt(),
                    recorded.instance() == null ? "-" : recorded.instance());
        }
    }
}
