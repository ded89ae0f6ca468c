package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which command lines open the console (nothing, or only --data-dir) and which are the CLI's. */
class DesktopArgumentsTest {

    @Test
    void noArgumentsOpenTheConsoleOnTheDefaultDataDirectory() {
        assertThat(DesktopArguments.parse(new String[0])).contains(new DesktopArguments(null));
    }

    @Test
    void dataDirAloneOpensTheConsoleThere() {
        assertThat(DesktopArguments.parse(new String[] {"--data-dir", "/tmp/dd"})).contains(new DesktopArguments(Path.of("/tmp/dd")));
        assertThat(DesktopArguments.parse(new String[] {"--data-dir=/tmp/dd"})).contains(new DesktopArguments(Path.of("/tmp/dd")));
    }

    @Test
    void dbOpensTheConsoleOnThatDatabaseWithOrWithoutADataDir() {
        String url = "postgresql://db.example.com/driftdeck?user=ops";
        assertThat(DesktopArguments.parse(new String[] {"--db", url})).contains(new DesktopArguments(null, url));
        assertThat(DesktopArguments.parse(new String[] {"--db=" + url})).contains(new DesktopArguments(null, url));
        assertThat(DesktopArguments.parse(new String[] {"--data-dir", "/tmp/dd", "--db", url}))
                .contains(new DesktopArguments(Path.of("/tmp/dd"), url));
        assertThat(DesktopArguments.parse(new String[] {"--db", url, "--data-dir=/tmp/dd"}))
                .contains(new DesktopArguments(Path.of("/tmp/dd"), url));
    }

    @Test
    void aRepeatedOrEmptyDbIsTheCli() {
        assertThat(DesktopArguments.parse(new String[] {"--db"})).isEmpty();
        assertThat(DesktopArguments.parse(new String[] {"--db="})).isEmpty();
        assertThat(DesktopArguments.parse(new String[] {"--db", "a", "--db", "b"})).isEmpty();
        assertThat(DesktopArguments.parse(new String[] {"--db", "a", "scan"})).isEmpty();
    }

    @Test
    void everythingElseIsTheCli() {
        assertThat(DesktopArguments.parse(new String[] {"--version"})).isEmpty();
        assertThat(DesktopArguments.parse(new String[] {"scan", "--help"})).isEmpty();
        assertThat(DesktopArguments.parse(new String[] {"--data-dir"})).isEmpty();
        assertThat(DesktopArguments.parse(new String[] {"--data-dir="})).isEmpty();
        assertThat(DesktopArguments.parse(new String[] {"--data-dir", "/tmp/dd", "scan"})).isEmpty();
    }
}
