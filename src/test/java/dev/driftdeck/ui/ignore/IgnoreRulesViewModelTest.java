package dev.driftdeck.ui.ignore;

import dev.driftdeck.drift.IgnoreFile;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.IgnoreRules;
import dev.driftdeck.store.ChangeStamp;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.SampleScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class IgnoreRulesViewModelTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(".driftignore");
    }

    private IgnoreRulesViewModel model() {
        return new IgnoreRulesViewModel(Optional.of(IgnoreRulesServices.file(new IgnoreFile(file()))),
                BackgroundTasks.sameThread(),
                Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void ignoreThisFindingAndThisAttributeWriteEscapedRulesAndOfferARescan() throws Exception {
        Files.write(file(), List.of("# team rules", "aws_kms_alias.alias/aws/*"));
        IgnoreRulesViewModel model = model();
        AtomicInteger rescans = new AtomicInteger();
        model.setRescan(rescans::incrementAndGet);
        Finding bucket = new Finding(FindingStatus.UNMANAGED, "aws_s3_bucket", "logs.example.com", null, "1", "global", null,
                List.of(), null);

        model.ignoreFinding(bucket);
        model.ignoreAttribute(SampleScans.small().findings().getFirst(), List.of("tags", "Owner"));

        assertThat(Files.readAllLines(file())).containsExactly("# team rules", "aws_kms_alias.alias/aws/*",
                "aws_s3_bucket.logs\\.example\\.com", "aws_instance.i-0abc123.tags.Owner");
        assertThat(model.lines()).hasSize(4);
        assertThat(model.changedSinceScanProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).contains("Rescan now");
        IgnoreRules rules = IgnoreRules.read(file());
        assertThat(rules.ignoring("aws_s3_bucket", "logs.example.com")).isPresent();
        assertThat(rules.ignoresAttribute("aws_instance", "i-0abc123", List.of("tags", "Owner"))).isTrue();

        model.rescanNow();
        assertThat(rescans).hasValue(1);
        assertThat(model.changedSinceScanProperty().get()).isFalse();
    }

    @Test
    void draftIsValidatedAsTypedAndOnlyValidRulesAreWritten() throws Exception {
        IgnoreRulesViewModel model = model();

        model.draftProperty().set("aws_instance");
        assertThat(model.draftProblemProperty().get()).startsWith("expected TYPE.ID");
        model.addDraft();
        assertThat(Files.exists(file())).isFalse();

        model.draftProperty().set("aws_instance.*");
        assertThat(model.draftProblemProperty().get()).isEmpty();
        model.addDraft();
        model.draftProperty().set("!aws_instance.i-keep");
        model.addDraft();
        assertThat(Files.readAllLines(file())).containsExactly("aws_instance.*", "!aws_instance.i-keep");
        assertThat(model.draftProperty().get()).isEmpty();

        model.draftProperty().set("aws_instance.i-*");
        model.replaceWithDraft(0);
        model.remove(1);
        assertThat(Files.readAllLines(file())).containsExactly("aws_instance.i-*");
    }

    @Test
    void aBrokenLineInTheFileIsShownWithTheParsersReason() throws Exception {
        Files.write(file(), List.of("# c", "aws_instance", "aws_vpc.*"));
        IgnoreRulesViewModel model = model();

        model.reload();

        assertThat(model.lines()).extracting(IgnoreRulesViewModel.Line::problem)
                .containsExactly("", "expected TYPE.ID or TYPE.ID.ATTRIBUTE, got 'aws_instance'", "");
        assertThat(model.lines().getFirst().comment()).isTrue();
    }

    @Test
    void baselineWritesADatedHeaderAndOneRulePerDriftingFinding() throws Exception {
        IgnoreRulesViewModel model = model();
        List<Finding> findings = SampleScans.small().findings();

        assertThat(IgnoreRulesViewModel.baselineSize(findings)).isEqualTo(5);
        model.baseline(findings);

        List<String> lines = Files.readAllLines(file());
        assertThat(lines.getFirst()).startsWith("# Baseline of 2026-11-30: 5 drifting resource(s)");
        assertThat(lines).hasSize(6).contains("aws_instance.i-0abc123", "aws_sqs_queue.orders", "aws_iam_role.legacy-admin");
    }

    @Test
    void showsWhatTheScanIgnoredWithTheRuleInTheNote() {
        IgnoreRulesViewModel model = model();

        model.showScan(SampleScans.small().findings());

        assertThat(model.ignored()).singleElement().satisfies(f -> assertThat(f.note()).contains("aws_kms_alias.alias/aws/*"));
    }

    @Test
    void withoutAnIgnoreFileNothingIsWrittenAndTheOperatorIsTold() {
        IgnoreRulesViewModel model = new IgnoreRulesViewModel(Optional.empty(), BackgroundTasks.sameThread(), Clock.systemUTC());

        model.ignoreFinding(SampleScans.small().findings().getFirst());

        assertThat(model.editable()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("This console has no ignore file to write to.");
    }

    @Test
    void eachRuleSaysWhoLastChangedItAndWhen() {
        List<String> stored = new java.util.ArrayList<>(List.of("# shared", "aws_iam_user.ci", "aws_s3_bucket.logs"));
        IgnoreRulesServices shared = new IgnoreRulesServices() {
            @Override
            public String location() {
                return "the database postgresql://db/drift";
            }

            @Override
            public List<String> lines() {
                return List.copyOf(stored);
            }

            @Override
            public void write(List<String> lines) {
                stored.clear();
                stored.addAll(lines);
            }

            @Override
            public int append(List<String> lines) {
                stored.addAll(lines);
                return lines.size();
            }

            @Override
            public java.util.Map<String, ChangeStamp> lastChanges() {
                return java.util.Map.of("aws_iam_user.ci",
                        new ChangeStamp("ADDED", "alice@laptop-7", Instant.parse("2026-11-30T07:00:00Z")));
            }
        };
        IgnoreRulesViewModel model = new IgnoreRulesViewModel(Optional.of(shared), BackgroundTasks.sameThread(),
                Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC));

        model.reload();

        assertThat(model.lines()).extracting(IgnoreRulesViewModel.Line::changed)
                .containsExactly("", "added by alice@laptop-7, 2 h ago", "");
        assertThat(model.location()).isEqualTo("the database postgresql://db/drift");
    }
}
