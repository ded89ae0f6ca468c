package dev.driftdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.notify.SecretFile;
import dev.driftdeck.store.AuditLog;
import dev.driftdeck.store.ChangeAuthor;
import dev.driftdeck.store.NotificationRepository;
import dev.driftdeck.store.NotificationSettings;
import dev.driftdeck.store.NotificationSettings.Digest;
import dev.driftdeck.testing.MigratedDatabase;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.channels.NotificationRulesViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Notifications window's rules, without a stage: loaded from, validated for and saved to a real database. */
class NotificationRulesViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-06T21:00:00Z");
    private static final ChangeAuthor ALICE = ChangeAuthor.of("alice", "laptop-7");

    @RegisterExtension
    final MigratedDatabase database = new MigratedDatabase();

    @TempDir
    Path data;

    private NotificationRepository repository;
    private NotificationRulesViewModel model;

    @BeforeEach
    void services() {
        repository = new NotificationRepository(database.db());
        model = newModel();
    }

    /** What the console builds: the services over the database, saving as the operator. */
    private NotificationRulesViewModel newModel() {
        SecretFile secrets = new SecretFile(data.resolve(SecretFile.FILE_NAME));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        DatabaseNotificationServices services = new DatabaseNotificationServices(database.db(), secrets,
                new NotificationWiring(database.db(), secrets, clock), ALICE, clock);
        return new NotificationRulesViewModel(services, BackgroundTasks.sameThread());
    }

    @Test
    void nothingStoredShowsTheDefaults() {
        model.load();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.resolvedProperty().get()).isTrue();
        assertThat(model.jobFailuresProperty().get()).isTrue();
        assertThat(model.staleHoursProperty().get()).isEqualTo("24");
        assertThat(model.digestProperty().get()).isEqualTo(Digest.OFF);
        assertThat(model.quietFromProperty().get()).isEmpty();
        assertThat(model.quietToProperty().get()).isEmpty();
        assertThat(model.validProperty().get()).isTrue();
    }

    @Test
    void theStoredRulesAreShown() {
        repository.saveRules(new NotificationSettings(false, true, 0, Digest.WEEKLY, LocalTime.of(22, 0),
                LocalTime.of(7, 30), null));

        model.load();

        assertThat(model.resolvedProperty().get()).isFalse();
        assertThat(model.staleHoursProperty().get()).isEqualTo("0");
        assertThat(model.digestProperty().get()).isEqualTo(Digest.WEEKLY);
        assertThat(model.quietFromProperty().get()).isEqualTo("22:00");
        assertThat(model.quietToProperty().get()).isEqualTo("07:30");
    }

    @Test
    void aBadValueIsNamedAndNothingIsSaved() {
        model.load();

        model.staleHoursProperty().set("a day");
        assertThat(model.problems()).containsExactly(
                "Warn when no scan succeeded: 'a day' is not a whole number of hours; enter 0 for never.");
        model.staleHoursProperty().set("-1");
        assertThat(model.problems()).containsExactly(
                "Warn when no scan succeeded: -1 is out of range; enter 0 (never) to 8760 hours.");
        model.staleHoursProperty().set(" 12 ");
        model.quietFromProperty().set("22:00");
        assertThat(model.problems()).containsExactly(
                "Quiet hours need both a start and an end (HH:MM); leave both empty for none.");
        model.quietToProperty().set("25:00");
        assertThat(model.problems()).containsExactly(
                "Quiet hours end '25:00' is not a time of day; enter HH:MM, e.g. 22:00.");
        model.quietToProperty().set("22:00");
        assertThat(model.problems()).containsExactly(
                "Quiet hours start and end at the same time (22:00); leave both empty for none.");
        assertThat(model.validProperty().get()).isFalse();

        model.save();

        assertThat(model.messageProperty().get()).isEqualTo(
                "Not saved: Quiet hours start and end at the same time (22:00); leave both empty for none.");
        assertThat(repository.settings()).isEqualTo(NotificationSettings.defaults());
        assertThat(new AuditLog(database.db()).recent(10)).isEmpty();
    }

    @Test
    void savedRulesComeBackAndWhenTheDigestWentOutIsKept() {
        Instant lastDigest = NOW.minusSeconds(3600);
        repository.recordDigestSent(lastDigest);
        model.load();

        model.resolvedProperty().set(false);
        model.jobFailuresProperty().set(false);
        model.staleHoursProperty().set("6");
        model.digestProperty().set(Digest.DAILY);
        model.quietFromProperty().set("22:00");
        model.quietToProperty().set("7:00");
        model.save();

        assertThat(model.messageProperty().get()).isEqualTo("Rules saved.");
        assertThat(repository.settings()).isEqualTo(new NotificationSettings(false, false, 6, Digest.DAILY,
                LocalTime.of(22, 0), LocalTime.of(7, 0), lastDigest));
        assertThat(new AuditLog(database.db()).recent(10)).hasSize(6)
                .allSatisfy(entry -> {
                    assertThat(entry.by()).isEqualTo("alice@laptop-7");
                    assertThat(entry.at()).isEqualTo(NOW);
                });

        NotificationRulesViewModel reopened = newModel();
        reopened.load();
        assertThat(reopened.staleHoursProperty().get()).isEqualTo("6");
        assertThat(reopened.digestProperty().get()).isEqualTo(Digest.DAILY);
        assertThat(reopened.quietFromProperty().get()).isEqualTo("22:00");
        assertThat(reopened.quietToProperty().get()).isEqualTo("07:00");
        assertThat(reopened.resolvedProperty().get()).isFalse();
        assertThat(reopened.jobFailuresProperty().get()).isFalse();
    }

    @Test
    void theDigestChoicesSayWhen() {
        assertThat(NotificationRulesViewModel.label(Digest.OFF)).isEqualTo("Off");
        assertThat(NotificationRulesViewModel.label(Digest.DAILY)).isEqualTo("Daily at 08:00");
        assertThat(NotificationRulesViewModel.label(Digest.WEEKLY)).isEqualTo("Weekly on Monday 08:00");
    }
}
