package dev.driftdeck.store;

import dev.driftdeck.drift.IgnoreFile;
import dev.driftdeck.drift.IgnoreRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ignore rules every scan applies (driftctl's {@code .driftignore} syntax), kept in the database (V9) so every
 * console and {@code serve} on it applies the same ones: the lines in order, comments kept. Every edit replaces the
 * lines in one transaction with one audit entry per rule added or removed ("baseline all current drift" is an
 * append of one rule per drifting resource).
 */
public final class IgnoreRuleRepository {

    /** The key two consoles' edits serialize on (PostgreSQL): "ignorerl" in ASCII. */
    private static final long EDIT_LOCK = 0x69676e6f72657266L;

    private final Database db;
    private final ChangeAuthor author;
    private final Clock clock;

    /** Reads; an edit through it is recorded as {@link ChangeAuthor#DRIFTDECK}'s. */
    public IgnoreRuleRepository(Database db) {
        this(db, ChangeAuthor.DRIFTDECK, Clock.systemUTC());
    }

    public IgnoreRuleRepository(Database db, ChangeAuthor author, Clock clock) {
        this.db = db;
        this.author = author;
        this.clock = clock;
    }

    /** Where the rules are, for messages: "the database postgresql://db:5432/drift?user=ops". */
    public String location() {
        return "the database " + db.location();
    }

    /** Every line as written, in order; none before the first rule. */
    public List<String> lines() {
        try (Connection connection = db.connection()) {
            return lines(connection);
        } catch (SQLException e) {
            throw failure("Reading the ignore rules from", e);
        }
    }

    /** The parsed rules, as a scan applies them; a malformed line is named and skipped. */
    public IgnoreRules rules() {
        return IgnoreRules.parse(lines(), "the ignore rules in " + db.location());
    }

    /** Replaces every line, recording each rule added or removed. */
    public synchronized void write(List<String> lines) {
        edit(current -> List.copyOf(lines));
    }

    /**
     * Appends the lines not already there (comments always), as {@link IgnoreFile#append} does a file.
     *
     * @return how many rule lines were new
     */
    public synchronized int append(List<String> newLines) {
        int[] added = new int[1];
        edit(current -> {
            IgnoreFile.Appended appended = IgnoreFile.appended(current, newLines);
            added[0] = appended.rules();
            return appended.lines();
        });
        return added[0];
    }

    /**
     * Moves a console's former {@code .driftignore} into the database once: when the database has no rules yet and
     * the file has some. The file is left where it is (nothing reads it any more).
     *
     * @return true when the file's lines were imported
     */
    public synchronized boolean importFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        List<String> fileLines;
        try {
            fileLines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new DatabaseException("Could not read the ignore file " + file + " to move it into " + db.location()
                    + ": " + e.getMessage() + ". Make it readable, or move it away to start without its rules.", e);
        }
        boolean[] imported = new boolean[1];
        edit(current -> {
            imported[0] = current.isEmpty() && !fileLines.isEmpty();
            return imported[0] ? fileLines : current;
        });
        return imported[0];
    }

    /** The last change of each rule line (stripped), for "added by alice@host, 2 h ago". */
    public Map<String, ChangeStamp> lastChanges() {
        return new AuditLog(db).lastChanges(AuditLog.IGNORE_RULE);
    }

    private interface Edit {
        List<String> apply(List<String> current);
    }

    private void edit(Edit edit) {
        try {
            db.inTransaction(connection -> {
                db.dialect().serialize(connection, EDIT_LOCK);
                List<String> current = lines(connection);
                List<String> next = edit.apply(current);
                if (next.equals(current)) {
                    return 0;
                }
                audit(connection, current, next);
                try (PreparedStatement clear = connection.prepareStatement("DELETE FROM ignore_rules");
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO ignore_rules (seq, line) VALUES (?, ?)")) {
                    clear.executeUpdate();
                    for (int i = 0; i < next.size(); i++) {
                        insert.setInt(1, i);
                        insert.setString(2, next.get(i));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return next.size();
            });
        } catch (SQLException e) {
            throw failure("Saving the ignore rules to", e);
        }
    }

    /** One entry per rule line added or removed (a rule written twice counts twice); comments are not audited. */
    private void audit(Connection connection, List<String> before, List<String> after) throws SQLException {
        Map<String, Integer> count = new HashMap<>();
        rules(after).forEach(rule -> count.merge(rule, 1, Integer::sum));
        rules(before).forEach(rule -> count.merge(rule, -1, Integer::sum));
        Instant now = clock.instant();
        for (Map.Entry<String, Integer> rule : new java.util.TreeMap<>(count).entrySet()) {
            String action = rule.getValue() > 0 ? AuditLog.ADDED : AuditLog.REMOVED;
            for (int i = 0; i < Math.abs(rule.getValue()); i++) {
                AuditLog.append(connection, author, now, AuditLog.IGNORE_RULE, rule.getKey(), action, null, null);
            }
        }
    }

    private static List<String> rules(List<String> lines) {
        List<String> rules = new ArrayList<>();
        for (String line : lines) {
            String rule = line.strip();
            if (!rule.isEmpty() && !rule.startsWith("#")) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static List<String> lines(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT line FROM ignore_rules ORDER BY seq");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                lines.add(row.getString(1));
            }
        }
        return lines;
    }

    private DatabaseException failure(String what, SQLException e) {
        return new DatabaseException(what + " " + db.location() + " failed: " + e.getMessage(), e);
    }
}
