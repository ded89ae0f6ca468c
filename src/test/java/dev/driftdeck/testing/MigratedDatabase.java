package dev.driftdeck.testing;

import dev.driftdeck.store.Database;
import dev.driftdeck.store.DatabaseLocation;
import dev.driftdeck.store.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real database with the shipped migrations applied, fresh for each test and removed after it:
 * {@code @RegisterExtension final MigratedDatabase database = new MigratedDatabase();} then {@code database.db()}
 * (ready in the test class's own {@code @BeforeEach}). An H2 file by default; {@code new MigratedDatabase(kind)} for
 * a test class that runs on both databases ({@link TestDatabase}).
 */
public final class MigratedDatabase implements BeforeEachCallback, AfterEachCallback {

    private final TestDatabase kind;
    private Path dir;
    private DatabaseLocation location;
    private Database db;

    public MigratedDatabase() {
        this(TestDatabase.H2);
    }

    public MigratedDatabase(TestDatabase kind) {
        this.kind = kind;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("driftdeck-db-");
        location = kind.fresh(dir, "driftdeck");
        db = Database.open(location);
        Migrations.migrateAndVerify(db);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public Database db() {
        return db;
    }

    /** Closes the database and opens it again, as the next start of Driftdeck would. */
    public Database reopen() {
        db.close();
        db = Database.open(location);
        return db;
    }
}
