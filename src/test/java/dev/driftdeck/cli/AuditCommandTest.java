package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.ConsoleSettings;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.Migrations;
import dev.driftdeck.store.SettingsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftdeck audit}: the change history, newest first, as a table or JSON. */
class AuditCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsWhoChangedWhatNewestFirst() throws Exception {
        Path dbPath = dir.resolve("driftdeck");
        try (Database db = Database.open(dbPath)) {
            Migrations.migrateAndVerify(db);
            new SettingsRepository(db, ChangeAuthor.of("alice", "laptop-7"),
                    Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC))
                    .save(new ConsoleSettings(List.of("prod.tfstate"), List.of(), null, null, false, 30));
        }

        StringWriter out = new StringWriter();
        int code = DriftdeckCommand.execute(new String[] {"audit", "--db", dbPath.toString(), "--output", "json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        JsonNode changes = new ObjectMapper().readTree(out.toString());
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("changed_by").asText()).isEqualTo("alice@laptop-7");
        assertThat(changes.get(0).get("subject").asText()).isEqualTo("source");
        assertThat(changes.get(0).get("item").asText()).isEqualTo("prod.tfstate");
        assertThat(changes.get(1).get("item").asText()).isEqualTo("console.scanIntervalMinutes");
        assertThat(changes.get(1).get("changed_at").asText()).isEqualTo("2026-12-06T10:00:00Z");

        StringWriter table = new StringWriter();
        assertThat(DriftdeckCommand.execute(new String[] {"audit", "--db", dbPath.toString(), "--limit", "1"},
                new PrintWriter(table), new PrintWriter(new StringWriter()))).isZero();
        assertThat(table.toString().lines()).hasSize(2).last().asString()
                .contains("alice@laptop-7").contains("ADDED").contains("prod.tfstate");
    }
}
