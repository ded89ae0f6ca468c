package dev.driftdeck.ui.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.report.ExportFormat;
import dev.driftdeck.ui.BackgroundTasks;
import dev.driftdeck.ui.FakeScheduler;
import dev.driftdeck.ui.InMemoryServices;
import dev.driftdeck.ui.SampleScans;
import dev.driftdeck.ui.ScanHistories;
import dev.driftdeck.ui.Statuses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsViewModelTest {

    @TempDir
    Path dir;

    /** A scan whose values are real canonical JSON, as the reconciler writes them. */
    private static ScanReport jsonReady() {
        return ScanHistories.later(0, f -> f.id().equals("orders-db") ? ScanHistories.withStatus(f, FindingStatus.MISSING) : f);
    }

    private final InMemoryServices services = InMemoryServices.withScheduler(new FakeScheduler(Statuses.all()), null);
    private final ReportsViewModel model = new ReportsViewModel(services, BackgroundTasks.sameThread());
    private final List<String> asked = new ArrayList<>();

    private void chooseAlways(Path target) {
        model.setTargetChooser((format, name) -> {
            asked.add(format + " " + name);
            return Optional.of(target);
        });
    }

    @Test
    void exportsTheScanOnScreenAsTheBriefsJson() throws Exception {
        ScanReport scan = jsonReady();
        services.preload(scan);
        model.show(scan, 1L, services.recentScans(10));
        Path target = dir.resolve("report.json");
        chooseAlways(target);

        model.export(ExportFormat.JSON);

        assertThat(asked).containsExactly("JSON driftdeck-2026-11-28-1035.json");
        JsonNode json = new ObjectMapper().readTree(target.toFile());
        assertThat(json.at("/summary/total_changed").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/total_missing").asInt()).isEqualTo(2);
        assertThat(json.at("/differences/0/res/address").asText()).isEqualTo("module.app.aws_instance.web[0]");
        assertThat(json.at("/differences/0/changelog/0/to").asText()).isEqualTo("t3.large");
        assertThat(json.get("coverage").asInt()).isEqualTo(scan.coverage().percent());
        assertThat(json.get("unmanaged").isArray()).isTrue();
        assertThat(model.lastExportProperty().get()).isEqualTo(target);
        assertThat(model.messageProperty().get()).startsWith("Exported the scan of ").endsWith(" as JSON to " + target);
    }

    @Test
    void aSelectedOlderScanIsLoadedFromTheStoreAndExported() throws Exception {
        ScanReport older = SampleScans.small();
        ScanReport newer = ScanHistories.second();
        services.preload(older, newer);
        model.show(newer, 2L, services.recentScans(10));
        model.selectedProperty().set(model.history().getLast());
        Path target = dir.resolve("older.csv");
        chooseAlways(target);

        model.export(ExportFormat.CSV);

        String csv = Files.readString(target);
        assertThat(csv).contains("sg-0ff1ce").doesNotContain("scratch-bucket");
        assertThat(model.exportTargetProperty().get()).startsWith("Exports the selected scan of ");
    }

    @Test
    void cancellingTheChooserWritesNothingAndNoScanSaysWhy() throws Exception {
        model.export(ExportFormat.HTML);
        assertThat(model.messageProperty().get()).isEqualTo("No scan to export yet: run a scan first.");

        services.preload(SampleScans.small());
        model.show(SampleScans.small(), 1L, services.recentScans(10));
        model.setTargetChooser((format, name) -> Optional.empty());
        model.export(ExportFormat.HTML);

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(model.lastExportProperty().get()).isNull();
    }

    @Test
    void aFailedWriteSaysWhereAndWhy() throws Exception {
        services.preload(SampleScans.small());
        model.show(SampleScans.small(), 1L, services.recentScans(10));
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        chooseAlways(blocker.resolve("report.html"));

        model.export(ExportFormat.HTML);

        assertThat(model.messageProperty().get()).startsWith("Export to " + blocker.resolve("report.html") + " failed: ");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void htmlExportOfTheScanOnScreen() throws Exception {
        services.preload(SampleScans.small());
        model.show(SampleScans.small(), 1L, services.recentScans(10));
        Path target = dir.resolve("r.html");
        chooseAlways(target);

        model.export(ExportFormat.HTML);

        assertThat(Files.readString(target)).contains("<tbody class=\"finding\" data-status=\"CHANGED\"")
                .contains("module.app.aws_instance.web[0]");
        assertThat(model.history()).extracting(s -> s.id()).containsExactly(1L);
        assertThat(model.history().getFirst().count(FindingStatus.CHANGED)).isEqualTo(2);
        assertThat(SampleScans.small().findings()).extracting(Finding::id).contains("i-0abc123");
    }
}
