package dev.driftdeck.drift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code .driftignore} on disk, read and written as whole lines so comments and blank lines survive every edit.
 * Writes go to a temp file beside the target and are moved into place: a crash never leaves half a file, and the
 * scan job (which reads the file on another thread) sees either the old rules or the new ones.
 */
public final class IgnoreFile {

    private final Path path;

    public IgnoreFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Every line as written; an absent file has none. */
    public List<String> lines() throws IOException {
        return Files.isRegularFile(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
    }

    /** The rules and the problems of the file as it is now. */
    public IgnoreRules rules() throws IOException {
        return IgnoreRules.parse(lines(), path.toString());
    }

    /** Replaces the whole file with {@code lines}, atomically. */
    public synchronized void write(List<String> lines) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".driftignore", ".tmp");
        try {
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Appends the lines not already in the file (comments always), keeping everything that is there.
     *
     * @return how many rule lines were new
     */
    public synchronized int append(List<String> newLines) throws IOException {
        Appended appended = appended(lines(), newLines);
        if (appended.rules() > 0) {
            write(appended.lines());
        }
        return appended.rules();
    }

    /**
     * {@code lines} with the {@code newLines} not already among them (comments always) at the end, a blank line
     * before a leading comment: what {@link #append} writes, and the database's ignore rules too.
     *
     * @param rules how many rule lines were new; 0 means nothing is to be written
     */
    public record Appended(List<String> lines, int rules) {
    }

    public static Appended appended(List<String> current, List<String> newLines) {
        List<String> lines = new ArrayList<>(current);
        Set<String> present = new HashSet<>();
        lines.forEach(line -> present.add(line.strip()));
        List<String> added = new ArrayList<>();
        int rules = 0;
        for (String line : newLines) {
            boolean comment = line.isBlank() || line.strip().startsWith("#");
            if (comment || present.add(line.strip())) {
                added.add(line);
                rules += comment ? 0 : 1;
            }
        }
        if (rules == 0) {
            return new Appended(List.copyOf(current), 0);
        }
        if (!lines.isEmpty() && !lines.getLast().isBlank() && added.getFirst().strip().startsWith("#")) {
            lines.add("");
        }
        lines.addAll(added);
        return new Appended(List.copyOf(lines), rules);
    }
}
