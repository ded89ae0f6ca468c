package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** serve's arguments, refused before anything opens, and serve without the launcher's scheduler. */
class ServeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DriftdeckCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void everyTakesSecondsMinutesOrHoursOfAtLeastTenSeconds() {
        Every every = new Every();
        assertThat(every.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(every.convert("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(every.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(every.convert("10s")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anIntervalUnderTenSecondsOrWithoutAUnitIsRefused() {
        assertThat(run("serve", "--db", "postgresql://127.0.0.1:1/x", "--every", "5s")).isEqualTo(2);
        assertThat(err.toString()).contains("--every 5s is too short").contains("write 10s or more");
        assertThat(run("serve", "--db", "postgresql://127.0.0.1:1/x", "--every", "15")).isEqualTo(2);
        assertThat(err.toString()).contains("'15' is not a duration").contains("30s, 15m, 1h");
    }

    @Test
    void serveWithoutTheLauncherIsRefusedWithoutOpeningAnything() {
        assertThat(run("serve", "--db", "postgresql://127.0.0.1:1/x", "--every", "30s")).isEqualTo(2);
        assertThat(err.toString()).contains("serve runs only from the driftdeck launcher");
    }

    @Test
    void runsRefusesALimitBelowOne() {
        assertThat(run("runs", "--limit", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--limit 0 shows nothing");
    }
}
