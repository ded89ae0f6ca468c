package dev.driftdeck.store;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link DatabaseTest}: opens the database, says LOCKED, and holds it until
 * its stdin closes. H2 shares a database within one JVM, so only another process can hold the lock.
 */
public final class LockHolder {

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]))) {
            System.out.println("LOCKED");
            System.err.println("holding " + db.path());
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the database until the test closes our stdin
            }
        }
    }
}
