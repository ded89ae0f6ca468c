package dev.driftdeck.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The console's own settings on this machine, beside its data ({@code console.properties} in the data directory):
 * what the console needs before it can open any database, today which database to open. Everything else lives in
 * the database, shared by a team. Never holds a password: a database value carrying one is refused.
 */
public record LocalSettingsFile(Path file) {

    static final String FILE_NAME = "console.properties";
    private static final String DATABASE = "database";

    /** The settings file of {@code data}. */
    public static LocalSettingsFile of(DataDirectory data) {
        return new LocalSettingsFile(data.root().resolve(FILE_NAME));
    }

    /**
     * The database the console opens at start ({@code --db}'s forms), or empty for the embedded H2 file of the data
     * directory.
     *
     * @throws DatabaseException naming the file when it cannot be read
     */
    public Optional<String> database() {
        String value = load().getProperty(DATABASE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Saves the database for the next start; blank goes back to the embedded H2 file.
     *
     * @throws IllegalArgumentException when {@code value} is no database location (or carries a password), naming it
     * @throws DatabaseException        naming the file when it cannot be written
     */
    public void saveDatabase(String value) {
        Properties properties = load();
        if (value == null || value.isBlank()) {
            properties.remove(DATABASE);
        } else {
            DatabaseLocation.parse(value);
            properties.setProperty(DATABASE, value.strip());
        }
        write(properties);
    }

    private Properties load() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            // nothing saved yet: every setting has its default
        } catch (IOException | IllegalArgumentException e) {
            throw new DatabaseException("Could not read the console's settings file " + file + ": " + e.getMessage()
                    + ". Fix or delete it; the console then opens its embedded database.", e);
        }
        return properties;
    }

    private void write(Properties properties) {
        Path staged = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(staged, StandardCharsets.UTF_8)) {
                properties.store(out, "Driftdeck console settings for this machine (no passwords:"
                        + " PostgreSQL's come from PGPASSWORD or ~/.pgpass)");
            }
            DataDirectory.restrictToOwner(staged, DataDirectory.OWNER_ONLY_FILE);
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DatabaseException("Could not write the console's settings file " + file + ": " + e.getMessage()
                    + ". Check that the data directory " + file.getParent() + " is writable.", e);
        }
    }
}
