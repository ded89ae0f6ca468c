package dev.driftdeck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFormatTest {

    @TempDir
    Path dir;

    @Test
    void jsonFileHasTheBriefsShapeWithEmptyListsAsArrays() throws Exception {
        Path file = dir.resolve("out/report.json");

        ExportFormat.JSON.writeFile(ReportSamples.empty(), file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (String list : List.of("managed", "unmanaged", "missing", "differences", "not_checked")) {
            assertThat(json.get(list).isArray()).as(list).isTrue();
            assertThat(json.get(list)).as(list).isEmpty();
        }
        assertThat(json.get("alerts").isObject()).isTrue();
        assertThat(json.get("summary").fieldNames()).toIterable().contains("total_resources", "total_managed",
                "total_changed", "total_unmanaged", "total_missing", "total_iac_source_count");
        assertThat(json.get("coverage").asInt()).isEqualTo(100);
        assertThat(json.get("provider_name").asText()).isEqualTo("aws");
        assertThat(json.get("date").asText()).isEqualTo("2026-11-28T10:35:01Z");
    }

    @Test
    void everyFormatWritesAFileThatSaysWhatItShould() throws Exception {
        for (ExportFormat format : ExportFormat.values()) {
            Path file = dir.resolve(format.suggestedFileName(ReportSamples.mixed()));
            format.writeFile(ReportSamples.mixed(), file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            switch (format) {
                case JSON -> assertThat(new ObjectMapper().readTree(text).at("/differences/0/res/id").asText()).isEqualTo("i-0web");
                case CSV -> assertThat(text).startsWith("status,type,id,").contains("CHANGED,aws_db_instance,orders-db")
                        .contains("(sensitive)");
                case HTML -> assertThat(text).startsWith("<!DOCTYPE html>").contains("module.app.aws_instance.web[0]");
                case IMPORT_TF -> assertThat(text).startsWith("# Unmanaged resources of Driftdeck the scan finished")
                        .contains("terraform plan -generate-config-out=generated.tf");
                case FIX_PLAN -> assertThat(text).startsWith("# Driftdeck fix plan")
                        .contains("terraform apply -target='module.app.aws_instance.web[0]'");
            }
        }
        assertThat(ExportFormat.HTML.suggestedFileName(ReportSamples.mixed())).isEqualTo("driftdeck-2026-11-28-1035.html");
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndLeavesNoPartial() throws Exception {
        Path file = dir.resolve("report.csv");
        Files.writeString(file, "previous");

        assertThatThrownBy(() -> ExportFormat.writeAtomically(file, out -> {
            out.write("half");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
