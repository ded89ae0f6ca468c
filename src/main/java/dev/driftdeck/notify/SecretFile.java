package dev.driftdeck.notify;

import dev.driftdeck.store.DataDirectory;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The channels' secrets (webhook URLs, SMTP URLs with passwords, signing secrets), in one owner-only (0600) file
 * under the data directory: never in the database (shared in team mode, exported, backed up), never logged. The
 * database holds only a reference and the masked form. Written whole to a 0600 temp file, then moved into place.
 */
public final class SecretFile {

    public static final String FILE_NAME = "notify-secrets.properties";

    private final Path file;

    public SecretFile(Path file) {
        this.file = file;
    }

    public static SecretFile in(DataDirectory data) {
        return new SecretFile(data.root().resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /** Stores {@code target}'s secrets under a new reference and returns it. */
    public synchronized String put(Target target) {
        String ref = UUID.randomUUID().toString();
        Properties secrets = read();
        secrets.setProperty(ref + ".kind", target.kind().name());
        secrets.setProperty(ref + ".url", target.url());
        if (target.signingSecret() != null) {
            secrets.setProperty(ref + ".signing", target.signingSecret());
        }
        write(secrets);
        return ref;
    }

    public synchronized Optional<Target> get(String ref) {
        Properties secrets = read();
        String url = secrets.getProperty(ref + ".url");
        String kind = secrets.getProperty(ref + ".kind");
        if (url == null || kind == null) {
            return Optional.empty();
        }
        return Optional.of(new Target(dev.driftdeck.store.NotificationChannel.Kind.parse(kind), url,
                secrets.getProperty(ref + ".signing")));
    }

    public synchronized void remove(String ref) {
        Properties secrets = read();
        secrets.remove(ref + ".kind");
        secrets.remove(ref + ".url");
        secrets.remove(ref + ".signing");
        write(secrets);
    }

    private Properties read() {
        Properties secrets = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the notification secrets in " + file + ": " + e
                        + ". Check that this user owns the file, or remove it and add the channels again.", e);
            }
        }
        return secrets;
    }

    private void write(Properties secrets) {
        try {
            Files.createDirectories(file.getParent());
            Path temp;
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
                        PosixFilePermissions.asFileAttribute(DataDirectory.OWNER_ONLY_FILE));
            } else {
                temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            }
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                secrets.store(out, "Driftdeck notification secrets: owner-only, never copy into a ticket or a repository");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the notification secrets to " + file + ": " + e
                    + ". Make the data directory writable by this user.", e);
        }
    }
}
