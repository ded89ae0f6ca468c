package dev.driftdeck.cli;

import dev.driftdeck.store.Database;
import dev.driftdeck.store.MigrationResult;
import dev.driftdeck.store.Migrations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations, print the schema version, exit.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (Database db = Database.open(database.locationOrDefault())) {
            MigrationResult result = Migrations.migrateAndVerify(db);
            spec.commandLine().getOut().printf("Database %s: schema version %s (%d migration(s) applied)%n",
                    db.location(), result.currentVersion(), result.applied());
            return DriftdeckCommand.IN_SYNC;
        }
    }
}
