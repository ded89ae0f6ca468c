package dev.driftdeck.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Settings, state sources and ignore rules are shared in the database, and every change says who and when. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AuditLogTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final ChangeAuthor ALICE = ChangeAuthor.of("alice", "laptop-7");
    private static final ChangeAuthor BOB = ChangeAuthor.of("bob", "build-2");

    @TempDir
    Path dir;

    private final TestDatabase kind;
    private Database db;

    AuditLogTest(TestDatabase kind) {
        this.kind = kind;
    }

    @BeforeEach
    void openDatabase() {
        db = Database.open(kind.fresh(dir, "driftdeck"));
        Migrations.migrateAndVerify(db);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void eachSettingAndSourceChangeIsRecordedWithWhoAndWhenNewestFirst() {
        new SettingsRepository(db, ALICE, at(T0)).save(new ConsoleSettings(List.of("prod.tfstate", "s3://tf/app.tfstate"),
                List.of("eu-west-1"), null, "http://ops:s3cret@localhost:5000", false, 15));
        new SettingsRepository(db, BOB, at(T0.plusSeconds(60))).save(new ConsoleSettings(List.of("s3://tf/app.tfstate"),
                List.of("eu-west-1"), null, "http://ops:s3cret@localhost:5000", false, 30));

        List<AuditEntry> entries = new AuditLog(db).recent(10);
        assertThat(entries).extracting(e -> e.by() + " " + e.action() + " " + e.subject() + " " + e.item() + " "
                        + e.before() + " -> " + e.after())
                .containsExactly(
                        "bob@build-2 REMOVED source prod.tfstate null -> null",
                        "bob@build-2 CHANGED setting console.scanIntervalMinutes 15 -> 30",
                        "alice@laptop-7 ADDED source s3://tf/app.tfstate null -> null",
                        "alice@laptop-7 ADDED source prod.tfstate null -> null",
                        "alice@laptop-7 CHANGED setting console.regions [] -> [\"eu-west-1\"]",
                        "alice@laptop-7 CHANGED setting console.endpointUrl null -> http://***@localhost:5000");
        assertThat(entries.getFirst().at()).isEqualTo(T0.plusSeconds(60));
        assertThat(entries.getLast().at()).isEqualTo(T0);
        assertThat(new AuditLog(db).recent(2)).hasSize(2);
        assertThat(new AuditLog(db).lastChanges(AuditLog.SOURCE))
                .containsEntry("s3://tf/app.tfstate", new ChangeStamp("ADDED", "alice@laptop-7", T0))
                .containsEntry("prod.tfstate", new ChangeStamp("REMOVED", "bob@build-2", T0.plusSeconds(60)));
    }

    @Test
    void savingTheSameSettingsAgainRecordsNothing() {
        ConsoleSettings settings = new ConsoleSettings(List.of("prod.tfstate"), List.of(), null, null, false, 15);
        new SettingsRepository(db, ALICE, at(T0)).save(settings);
        int recorded = new AuditLog(db).recent(100).size();
        new SettingsRepository(db, BOB, at(T0.plusSeconds(60))).save(settings);
        assertThat(new AuditLog(db).recent(100)).hasSize(recorded).allMatch(e -> e.by().equals("alice@laptop-7"));
    }

    @Test
    void ignoreRulesAreSharedLinesAndEachRuleAddedOrRemovedIsRecorded() {
        IgnoreRuleRepository alice = new IgnoreRuleRepository(db, ALICE, at(T0));
        alice.write(List.of("# noisy", "aws_s3_bucket.logs", "aws_iam_user.ci"));
        assertThat(alice.append(List.of("# baseline 2026-12-06", "aws_iam_user.ci", "aws_instance.i-1"))).isEqualTo(1);
        IgnoreRuleRepository bob = new IgnoreRuleRepository(db, BOB, at(T0.plusSeconds(3600)));
        List<String> lines = bob.lines();
        assertThat(lines).containsExactly("# noisy", "aws_s3_bucket.logs", "aws_iam_user.ci", "",
                "# baseline 2026-12-06", "aws_instance.i-1");
        bob.write(lines.stream().filter(line -> !line.equals("aws_s3_bucket.logs")).toList());

        assertThat(new IgnoreRuleRepository(db).rules().rules()).hasSize(2);
        assertThat(new AuditLog(db).recent(10)).extracting(e -> e.by() + " " + e.action() + " " + e.item())
                .containsExactly("bob@build-2 REMOVED aws_s3_bucket.logs", "alice@laptop-7 ADDED aws_instance.i-1",
                        "alice@laptop-7 ADDED aws_s3_bucket.logs", "alice@laptop-7 ADDED aws_iam_user.ci");
        assertThat(bob.lastChanges())
                .containsEntry("aws_iam_user.ci", new ChangeStamp("ADDED", "alice@laptop-7", T0))
                .containsEntry("aws_s3_bucket.logs", new ChangeStamp("REMOVED", "bob@build-2", T0.plusSeconds(3600)));
    }

    @Test
    void aConsolesFormerIgnoreFileIsImportedOnceAndOnlyIntoAnEmptyList() throws Exception {
        Path file = Files.writeString(dir.resolve(".driftignore"), "# mine\naws_iam_user.ci\n");
        IgnoreRuleRepository rules = new IgnoreRuleRepository(db, ALICE, at(T0));
        assertThat(rules.importFile(dir.resolve("absent"))).isFalse();
        assertThat(rules.importFile(file)).isTrue();
        assertThat(rules.lines()).containsExactly("# mine", "aws_iam_user.ci");

        Files.writeString(file, "aws_s3_bucket.other\n");
        assertThat(rules.importFile(file)).as("the database has rules: the file is not read again").isFalse();
        assertThat(rules.lines()).containsExactly("# mine", "aws_iam_user.ci");
        assertThat(new AuditLog(db).recent(10)).extracting(AuditEntry::item).containsExactly("aws_iam_user.ci");
    }

    @Test
    void notificationRuleChangesAreRecordedAndTheDigestsBookkeepingIsNot() {
        NotificationRepository alice = new NotificationRepository(db, ALICE, at(T0));
        alice.saveRules(new NotificationSettings(true, false, 6, NotificationSettings.Digest.DAILY,
                LocalTime.of(22, 0), LocalTime.of(7, 0), null));
        Instant sent = T0.plusSeconds(600);
        new NotificationRepository(db).recordDigestSent(sent);
        alice.saveRules(alice.settings());

        assertThat(new AuditLog(db).recent(10)).extracting(e -> e.by() + " " + e.item() + " " + e.before() + " -> "
                        + e.after())
                .containsExactly(
                        "alice@laptop-7 notify.staleHours 24 -> 6",
                        "alice@laptop-7 notify.quietTo  -> 07:00",
                        "alice@laptop-7 notify.quietFrom  -> 22:00",
                        "alice@laptop-7 notify.jobFailures true -> false",
                        "alice@laptop-7 notify.digest OFF -> DAILY");
        NotificationSettings stored = new NotificationRepository(db).settings();
        assertThat(stored).isEqualTo(new NotificationSettings(true, false, 6, NotificationSettings.Digest.DAILY,
                LocalTime.of(22, 0), LocalTime.of(7, 0), sent));

        new NotificationRepository(db, BOB, at(T0.plusSeconds(60))).saveRules(new NotificationSettings(true, false, 6,
                NotificationSettings.Digest.OFF, null, null, null));
        assertThat(new NotificationRepository(db).settings().lastDigestAt())
                .as("the editor does not know when the digest went out, and does not forget it").isEqualTo(sent);
    }
}
