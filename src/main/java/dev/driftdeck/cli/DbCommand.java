package dev.driftdeck.cli;

import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.SchemaInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "db", mixinStandardHelpOptions = true, description = "Database tools.",
        subcommands = DbCommand.Info.class)
final class DbCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: info");
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print the database path, schema version, pending migrations and size; changes nothing.")
    static final class Info implements Callable<Integer> {

        @Mixin
        DatabaseOption database = new DatabaseOption();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path path = database.pathOrDefault();
            Path file = path.resolveSibling(path.getFileName() + ".mv.db");
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.exists(file)) {
                out.printf("Database: %s%nNot created yet: run 'driftdeck migrate --db %s' or open the console.%n", file, path);
                return DriftdeckCommand.IN_SYNC;
            }
            try (Database db = Database.open(path)) {
                SchemaInfo info = Migrations.info(db);
                out.printf("Database: %s%n", file);
                out.printf("Schema version: %s (this Driftdeck knows up to %s)%n",
                        info.currentVersion() == null ? "none" : info.currentVersion(), info.latestKnown());
                out.printf("Pending migrations: %d%n", info.pending());
                if (info.failed()) {
                    out.println("A migration FAILED: restore a backup or remove the database.");
                }
                if (info.newerThanThis()) {
                    out.println("The schema is NEWER than this Driftdeck: upgrade Driftdeck before using it.");
                }
                out.printf("Size: %,d bytes%n", Files.size(file));
            }
            return DriftdeckCommand.IN_SYNC;
        }
    }
}
