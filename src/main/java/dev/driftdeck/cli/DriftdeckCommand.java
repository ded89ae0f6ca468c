package dev.driftdeck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the headless CLI: {@code driftdeck scan | migrate | db info | export | types | runs | serve}. Never builds
 * the scheduler: {@code serve} runs the one the launcher hands in ({@link ServeHost}).
 */
@Command(name = "driftdeck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keeps Terraform honest on AWS: reconciles tfstate against live AWS and reports drift.",
        subcommands = {ScanCommand.class, MigrateCommand.class, DbCommand.class, ExportCommand.class,
                TypesCommand.class, RunsCommand.class, ServeCommand.class, RunNowCommand.class, FixGeneratedCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:in sync", "1:drift found", "2:error"})
public final class DriftdeckCommand implements Runnable {

    public static final int IN_SYNC = 0;
    public static final int DRIFT = 1;
    public static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ServeHost serveHost;

    DriftdeckCommand(ServeHost serveHost) {
        this.serveHost = serveHost;
    }

    ServeHost serveHost() {
        return serveHost;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: scan, migrate, db, export, types, runs, serve or run-now");
    }

    /** Runs the CLI with the given streams and returns its exit code; bad arguments and failures give 2. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, ServeHost.NONE);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with the launcher's scheduler for {@code serve}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, ServeHost serveHost) {
        CommandLine cli = new CommandLine(new DriftdeckCommand(serveHost));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ERROR);
        cli.setParameterExceptionHandler((e, argv) -> {
            err.println("driftdeck: " + e.getMessage());
            err.println("Run 'driftdeck " + (e.getCommandLine().getCommandName().equals("driftdeck") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for the options.");
            err.flush();
            return ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("driftdeck: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            return ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
