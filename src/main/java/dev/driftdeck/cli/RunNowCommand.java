package dev.driftdeck.cli;

import dev.driftdeck.store.Database;
import dev.driftdeck.store.InstanceName;
import dev.driftdeck.store.RunRequests;
import dev.driftdeck.team.RequestDesk;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftdeck run-now}: a follower's "Scan now" on a shared database. The leader serves it with its scheduler's
 * answer: STARTED (it was idle), MERGED (a run was in progress: one follow-up run), or BLOCKED with the reason.
 */
@Command(name = "run-now", mixinStandardHelpOptions = true,
        description = "Ask the leader of a shared PostgreSQL database to run a job now; prints STARTED, MERGED or"
                + " BLOCKED and who answered.")
final class RunNowCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(250);

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--job", paramLabel = "NAME", defaultValue = "drift-scan",
            description = "The job (default drift-scan; also state-sync, daily-refresh)")
    String job;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "15s", converter = Every.Any.class,
            description = "How long to wait for the leader's answer (default 15s: a dead leader is replaced within it)")
    Duration wait;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(database.locationOrDefault())) {
            if (!db.shared()) {
                throw new IllegalStateException("The database " + db.location() + " is an H2 file: its scheduler is"
                        + " the console's that holds it; use Scan now (F5) there.");
            }
            Optional<RunRequests.Answer> answer = RequestDesk.ask(new RunRequests(db), job,
                    InstanceName.userAtHostPid(), Clock.systemUTC(), wait, POLL);
            if (answer.isEmpty()) {
                throw new IllegalStateException("No leader of " + db.location() + " answered within " + wait.toSeconds()
                        + " s: is a 'driftdeck serve' running on it? ('driftdeck runs --db ...' names the leader.)"
                        + " The request stays filed; the next leader serves it.");
            }
            RunRequests.Answer served = answer.get();
            out.println(served.result().kind() + " by " + served.servedBy()
                    + (served.result().reason() == null ? "" : ": " + served.result().reason()));
            out.flush();
            return served.result().kind() == dev.driftdeck.schedule.RunNowResult.Kind.BLOCKED
                    ? DriftdeckCommand.ERROR : DriftdeckCommand.IN_SYNC;
        }
    }
}
