package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.SampleScans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsViewModelTest {

    private final FindingsViewModel model = new FindingsViewModel();

    private void show(ScanReport report) {
        model.show(report, FindingsViewModel.prepare(report));
    }

    private List<String> visibleIds() {
        return model.rows().stream().map(Finding::id).toList();
    }

    @Test
    void beforeAnyScanTheTableSaysHowToGetOne() {
        assertThat(model.rows()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo(EmptyStates.NO_SCAN_YET);
    }

    @Test
    void showsEveryFindingMostSevereFirst() {
        show(SampleScans.small());

        assertThat(model.rows()).hasSize(10);
        // the deleted queue and the two hand-made resources (MEDIUM) before the changed ones (LOW)
        assertThat(model.rows()).isSortedAccordingTo(FindingsViewModel.BY_SEVERITY);
        assertThat(model.rows().getFirst().severity()).isEqualTo(dev.driftdeck.risk.Severity.MEDIUM);
        assertThat(model.rows().getLast().status()).isEqualTo(FindingStatus.IN_SYNC);
        assertThat(model.shownTextProperty().get()).isEqualTo("10 findings");
    }

    @Test
    void filtersByStatus() {
        show(SampleScans.small());

        model.statusFilterProperty().set(FindingStatus.UNMANAGED);

        assertThat(visibleIds()).containsExactly("legacy-admin", "sg-0ff1ce");
        assertThat(model.shownTextProperty().get()).isEqualTo("2 of 10 findings");
        model.statusFilterProperty().set(null);
        assertThat(model.rows()).hasSize(10);
    }

    @Test
    void searchMatchesIdAddressOrTypeIgnoringCase() {
        show(SampleScans.small());

        model.searchTextProperty().set("I-0ABC");
        assertThat(visibleIds()).containsExactly("i-0abc123");

        model.searchTextProperty().set("q[\"orders\"]");
        assertThat(visibleIds()).containsExactly("orders");

        model.searchTextProperty().set("aws_iam_role");
        assertThat(visibleIds()).containsExactlyInAnyOrder("deployer", "legacy-admin");
    }

    @Test
    void statusAndTextCombine() {
        show(SampleScans.small());

        model.searchTextProperty().set("aws_iam_role");
        model.statusFilterProperty().set(FindingStatus.IN_SYNC);

        assertThat(visibleIds()).containsExactly("deployer");
    }

    @Test
    void saysWhenTheFilterHidesEverything() {
        show(SampleScans.small());

        model.searchTextProperty().set("no-such-thing");

        assertThat(model.rows()).isEmpty();
        assertThat(model.placeholderProperty().get()).startsWith("No findings match the filter. Press Esc");
    }

    @Test
    void anEmptyScanIsNotMistakenForNoScan() {
        show(SampleScans.report(List.of()));

        assertThat(model.placeholderProperty().get()).startsWith("The last scan found no resources. Check the state sources");
    }

    @Test
    void aNewScanIsOneChangeOfTheRowsAndKeepsTheFilter() {
        show(SampleScans.small());
        model.statusFilterProperty().set(FindingStatus.CHANGED);
        AtomicInteger changes = new AtomicInteger();
        model.rowsProperty().addListener((obs, old, now) -> changes.incrementAndGet());

        show(SampleScans.many(500));

        assertThat(changes).hasValue(1);
        assertThat(model.rows()).allMatch(f -> f.status() == FindingStatus.CHANGED).hasSizeGreaterThan(2);
    }

    @Test
    void keepsTheSelectedResourceAcrossScansWhenItStillExists() {
        show(SampleScans.small());
        Finding web = model.rows().stream().filter(f -> f.id().equals("i-0abc123")).findFirst().orElseThrow();
        model.selectedProperty().set(web);

        show(SampleScans.many(20));
        assertThat(model.selectedProperty().get()).isNotNull().extracting(Finding::id).isEqualTo("i-0abc123");

        show(SampleScans.report(List.of()));
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void whatTheOperatorDoesWhileANewScanIsArrangedAppliesToItsRows() {
        java.util.ArrayDeque<Runnable> worker = new java.util.ArrayDeque<>();
        FindingsViewModel slow = new FindingsViewModel(new dev.driftdeck.ui.BackgroundTasks(worker::add, Runnable::run));
        ScanReport first = SampleScans.small();
        slow.show(first, FindingsViewModel.prepare(first));
        worker.poll().run();
        Finding web = slow.rows().stream().filter(f -> f.id().equals("i-0abc123")).findFirst().orElseThrow();
        slow.selectedProperty().set(web);

        ScanReport next = SampleScans.many(30);
        slow.show(next, FindingsViewModel.prepare(next));
        slow.searchTextProperty().set("sg-0ff"); // typed while the worker arranges the new scan
        worker.poll().run();

        assertThat(slow.allFindings()).hasSize(next.findings().size());
        assertThat(slow.rows()).extracting(Finding::id).containsExactly("sg-0ff1ce");
        assertThat(slow.selectedProperty().get()).isNotNull().isNotSameAs(web)
                .extracting(Finding::id).isEqualTo("i-0abc123");
    }

    /** The small scan and a third unmanaged resource, a bucket. */
    private static ScanReport threeUnmanaged() {
        List<Finding> findings = new java.util.ArrayList<>(SampleScans.small().findings());
        findings.add(new Finding(FindingStatus.UNMANAGED, "aws_s3_bucket", "by-hand-logs", null, SampleScans.ACCOUNT,
                "global", null, List.of(), null));
        return SampleScans.report(findings);
    }

    private Finding row(String id) {
        return model.rows().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void importExportNamesWhatItWouldWriteAllShownOrTwoOrMoreSelected() {
        show(threeUnmanaged());
        assertThat(model.importChoiceProperty().get().label()).isEqualTo("Import all 3 shown");

        model.searchTextProperty().set("aws_iam_role");
        assertThat(model.importChoiceProperty().get().label()).isEqualTo("Import all 1 shown");
        model.searchTextProperty().set("");

        // one selected row is the one the detail pane shows, not a choice
        model.selectedRowsProperty().set(List.of(row("sg-0ff1ce")));
        assertThat(model.importChoiceProperty().get().label()).isEqualTo("Import all 3 shown");
        model.selectedRowsProperty().set(List.of(row("sg-0ff1ce"), row("by-hand-logs"), row("vpc-0a1b2c")));
        assertThat(model.importChoiceProperty().get().label()).isEqualTo("Import 2 selected");
        assertThat(model.importChoiceProperty().get().findings()).extracting(Finding::id)
                .containsExactlyInAnyOrder("sg-0ff1ce", "by-hand-logs");
        model.selectedRowsProperty().set(List.of(row("deployer"), row("vpc-0a1b2c")));
        assertThat(model.importChoiceProperty().get().label()).isEqualTo("Import 0 selected");
        assertThat(model.importChoiceProperty().get().isEmpty()).isTrue();
    }

    @Test
    void importExportWritesTheSelectedUnmanagedAsImportBlocksAndNamesTheFile(@org.junit.jupiter.api.io.TempDir
                                                                               java.nio.file.Path dir) throws Exception {
        show(threeUnmanaged());
        java.nio.file.Path target = dir.resolve("import.tf");
        List<String> suggested = new java.util.ArrayList<>();
        model.importFile().setTargetChooser(name -> {
            suggested.add(name);
            return java.util.Optional.of(target);
        });
        model.selectedRowsProperty().set(List.of(row("sg-0ff1ce"), row("by-hand-logs"), row("i-0abc123")));

        model.exportImportFile();

        assertThat(suggested).containsExactly("driftdeck-import-2026-11-28-1035.tf");
        String file = java.nio.file.Files.readString(target);
        assertThat(file.lines().filter(line -> line.equals("import {"))).hasSize(2);
        assertThat(file).contains("to = aws_security_group.sg_0ff1ce").contains("to = aws_s3_bucket.by_hand_logs")
                .doesNotContain("legacy").doesNotContain("i-0abc123");
        assertThat(model.importFile().messageProperty().get())
                .isEqualTo("Exported import.tf of 2 selected unmanaged finding(s) to " + target);
    }
}
