package dev.driftdeck.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The migrations this Driftdeck ships, read off {@code db/migration} on the classpath, so that adding V5, V6...
 * never makes a test lie or break.
 */
public final class ShippedMigrations {

    private static final List<Integer> VERSIONS = read();

    private ShippedMigrations() {
    }

    public static String latest() {
        return String.valueOf(VERSIONS.getLast());
    }

    public static int count() {
        return VERSIONS.size();
    }

    private static List<Integer> read() {
        try (var files = Files.list(Path.of(ShippedMigrations.class.getClassLoader().getResource("db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list db/migration on the test classpath", e);
        }
    }
}
