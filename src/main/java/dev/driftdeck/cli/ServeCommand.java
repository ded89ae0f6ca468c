package dev.driftdeck.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the scheduler without a window (a team's server, a systemd unit, a container): the"
                + " console's jobs over the database, logs on stdout, until SIGTERM.",
                "On PostgreSQL every serve and console contends for one leadership: exactly one runs the jobs, the"
                        + " others take over within 15 s when it dies."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = "--state", paramLabel = "URI",
            description = "State source, repeatable: a file, a directory, a glob or an s3:// URI (default: the"
                    + " sources stored in the database)")
    List<String> states = new ArrayList<>();

    @Mixin
    ScanOptions scan = new ScanOptions();

    @Option(names = "--every", paramLabel = "DURATION", converter = Every.class,
            description = "Drift scan interval: 30s, 15m, 1h (at least 10s; default: the stored interval)")
    Duration every;

    @ParentCommand
    DriftdeckCommand parent;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return parent.serveHost().serve(database.locationOrDefault(), states.isEmpty() ? null : scan.request(states), every,
                spec.commandLine().getOut());
    }
}
