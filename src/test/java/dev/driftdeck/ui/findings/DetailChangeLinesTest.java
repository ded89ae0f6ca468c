package dev.driftdeck.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.meaning.ChangeLine;
import dev.driftdeck.ui.SampleScans;
import org.junit.jupiter.api.Test;

/** The detail pane reads what changed first, in plain words; the raw values wait behind "Raw values". */
class DetailChangeLinesTest {

    private final FindingDetailViewModel model = new FindingDetailViewModel();

    private static Finding find(String id) {
        return SampleScans.small().findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void summaryLinesComeFirstAndRawIsOffUntilAsked() {
        model.findingProperty().set(find("i-0abc123"));

        assertThat(model.changes()).extracting(change -> change.line().marked())
                .containsExactly("~ instance_type t3.micro → t3.large", "+ tag Owner added: alice");
        assertThat(model.showRawProperty().get()).isFalse();
    }

    @Test
    void clickingALineShowsItsRawDifferenceSideBySide() {
        model.findingProperty().set(find("i-0abc123"));
        FindingDetailViewModel.Change tag = model.changes().get(1);

        model.showRawOf(tag);

        assertThat(model.showRawProperty().get()).isTrue();
        assertThat(model.selectedDiffProperty().get().dottedPath()).isEqualTo("tags.Owner");
        assertThat(model.selectedPathProperty().get()).isEqualTo("tags.Owner");
    }

    @Test
    void aSensitiveChangeNamesTheAttributeOnly() {
        model.findingProperty().set(find("orders-db"));

        assertThat(model.changes()).extracting(change -> change.line().text())
                .containsExactly("password changed (sensitive)", "deletion_protection true → (none)");
        assertThat(model.changes().getFirst().line().sign()).isEqualTo(ChangeLine.Sign.CHANGED);
    }

    @Test
    void aFindingWithoutDiffsHasNoLines() {
        model.findingProperty().set(find("i-0abc123"));
        model.findingProperty().set(find("sg-0ff1ce"));

        assertThat(model.changes()).isEmpty();
        model.findingProperty().set(null);
        assertThat(model.changes()).isEmpty();
    }
}
