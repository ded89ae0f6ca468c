package dev.driftdeck.ui.ignore;

import dev.driftdeck.drift.IgnoreFile;
import dev.driftdeck.store.ChangeStamp;
import java.util.List;
import java.util.Map;

/**
 * Where the console's ignore rules live: the database the team shares (the console's), or a {@code .driftignore}
 * file (tests, and consoles without a database). Every method may block: the view model calls them on a worker.
 */
public interface IgnoreRulesServices {

    /** Where the rules are, for the page and messages. */
    String location();

    /** Every line as written, comments kept. */
    List<String> lines() throws Exception;

    /** Replaces every line. */
    void write(List<String> lines) throws Exception;

    /** Appends the lines not there yet; returns how many rule lines were new. */
    int append(List<String> lines) throws Exception;

    /** Who last changed each rule (by its stripped line) and when; empty where nothing is recorded (a file). */
    default Map<String, ChangeStamp> lastChanges() throws Exception {
        return Map.of();
    }

    /** The rules of a {@code .driftignore} file, which keeps no history. */
    static IgnoreRulesServices file(IgnoreFile file) {
        return new IgnoreRulesServices() {
            @Override
            public String location() {
                return file.path().toString();
            }

            @Override
            public List<String> lines() throws Exception {
                return file.lines();
            }

            @Override
            public void write(List<String> lines) throws Exception {
                file.write(lines);
            }

            @Override
            public int append(List<String> lines) throws Exception {
                return file.append(lines);
            }
        };
    }
}
