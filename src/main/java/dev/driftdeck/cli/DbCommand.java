package dev.driftdeck.cli;

import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.SchemaInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
            DatabaseLocation location = database.locationOrDefault();
            PrintWriter out = spec.commandLine().getOut();
            if (location instanceof DatabaseLocation.H2File h2 && !Files.exists(h2.file())) {
                out.printf("Database: %s%nNot created yet: run 'driftdeck migrate --db %s' or open the console.%n",
                        h2.file(), h2.path());
                return DriftdeckCommand.IN_SYNC;
            }
            try (Database db = Database.open(location)) {
                SchemaInfo info = Migrations.info(db);
                out.printf("Database: %s%n", location instanceof DatabaseLocation.H2File h2 ? h2.file() : location);
                out.printf("Schema version: %s (this Driftdeck knows up to %s)%n",
                        info.currentVersion() == null ? "none" : info.currentVersion(), info.latestKnown());
                out.printf("Pending migrations: %d%n", info.pending());
                if (info.failed()) {
                    out.println("A migration FAILED: restore a backup or remove the database.");
                }
                if (info.newerThanThis()) {
                    out.println("The schema is NEWER than this Driftdeck: upgrade Driftdeck before using it.");
                }
                if (location instanceof DatabaseLocation.H2File h2) {
                    out.printf("Size: %,d bytes%n", Files.size(h2.file()));
                }
            }
            return DriftdeckCommand.IN_SYNC;
        }
    }
}
