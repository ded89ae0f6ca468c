package dev.driftdeck.ui.findings;

import dev.driftdeck.drift.FindingAge;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ResourceKey;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.ui.SampleScans;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pickers, the wider text search, column sorting, next/previous and the empty states. */
class FindingFilterAndSortTest {

    private final FindingsViewModel model = new FindingsViewModel();

    private void show(ScanReport report) {
        model.show(report, FindingsViewModel.prepare(report));
    }

    private List<String> visibleIds() {
        return model.rows().stream().map(Finding::id).toList();
    }

    @Test
    void pickersOfferTheScansValuesAndFilterTogetherWithStatusAndText() {
        show(SampleScans.small());

        assertThat(model.pickers().typeOptions()).contains("aws_iam_role", "aws_instance").doesNotHaveDuplicates().isSorted();
        assertThat(model.pickers().regionOptions()).containsExactly("eu-west-1", "global");
        assertThat(model.pickers().sourceOptions()).containsExactly(SampleScans.SOURCE);

        model.pickers().type().set("aws_iam_role");
        assertThat(visibleIds()).containsExactlyInAnyOrder("deployer", "legacy-admin");
        model.statusFilterProperty().set(FindingStatus.UNMANAGED);
        assertThat(visibleIds()).containsExactly("legacy-admin");
        model.statusFilterProperty().set(null);
        model.pickers().type().set(null);
        model.pickers().region().set("global");
        // "tf-" is also in the state source URI s3://tf-states/..., which the search covers.
        model.searchTextProperty().set("tf-");
        assertThat(visibleIds()).containsExactlyInAnyOrder("tf-states", "deployer");
        model.searchTextProperty().set("deploy");
        assertThat(visibleIds()).containsExactly("deployer");
        model.pickers().source().set(SampleScans.SOURCE);
        model.pickers().region().set(null);
        model.searchTextProperty().set("");
        // Unmanaged findings have no source, so a source picker hides them.
        assertThat(visibleIds()).doesNotContain("sg-0ff1ce", "legacy-admin").contains("i-0abc123");

        model.clearFilters();
        assertThat(model.rows()).hasSize(10);
    }

    @Test
    void aRememberedPickerValueTheScanLacksStaysListed() {
        model.pickers().type().set("aws_lambda_function");

        show(SampleScans.small());

        assertThat(model.pickers().typeOptions()).contains("aws_lambda_function");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void searchFindsNotesAttributePathsAndValuesAccountsAndSources() {
        show(SampleScans.small());

        model.searchTextProperty().set("describevolumes");
        assertThat(visibleIds()).containsExactly("vol-0123");
        model.searchTextProperty().set("OWNER");
        assertThat(visibleIds()).containsExactly("i-0abc123");
        model.searchTextProperty().set("t3.large");
        assertThat(visibleIds()).containsExactly("i-0abc123");
        model.searchTextProperty().set("deletion_protection");
        assertThat(visibleIds()).containsExactly("orders-db");
        model.searchTextProperty().set("network.tfstate");
        assertThat(model.rows()).allMatch(f -> SampleScans.SOURCE.equals(f.source()));
        model.searchTextProperty().set("123456789012");
        assertThat(model.rows()).hasSize(10);
    }

    @Test
    void sortingByAColumnReordersAndReversesAndKeepsTheSelection() {
        show(SampleScans.small());
        Finding vpc = model.rows().stream().filter(f -> f.id().equals("vpc-0a1b2c")).findFirst().orElseThrow();
        model.selectedProperty().set(vpc);

        model.sortBy(List.of(new FindingColumn.SortKey(FindingColumn.TYPE, true)));
        List<String> types = model.rows().stream().map(Finding::type).toList();
        assertThat(types).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);

        model.sortBy(List.of(new FindingColumn.SortKey(FindingColumn.TYPE, false)));
        assertThat(model.rows().getFirst().type()).isEqualTo("aws_vpc");
        assertThat(model.selectedProperty().get()).isSameAs(vpc);

        model.sortBy(List.of());
        assertThat(model.rows()).isSortedAccordingTo(FindingsViewModel.DEFAULT_ORDER);
        assertThat(model.rows().getFirst().status()).isEqualTo(FindingStatus.MISSING); // MEDIUM, the worst here
    }

    @Test
    void aNewScanArrivesInTheOrderTheOperatorSortedBy() {
        model.sortBy(List.of(new FindingColumn.SortKey(FindingColumn.RESOURCE, true)));

        show(SampleScans.small());

        List<String> resources = model.rows().stream().map(FindingsView::resourceText).toList();
        assertThat(resources).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    }

    @Test
    void ageColumnsSortByTheHistorysInstantsWithUnknownAgesLast() {
        show(SampleScans.small());
        Instant early = Instant.parse("2026-01-01T00:00:00Z");
        Instant late = Instant.parse("2026-11-01T00:00:00Z");
        model.agesProperty().set(FindingAgeLookup.of(Map.of(
                new ResourceKey("aws_sqs_queue", "orders"), new FindingAge(early, late),
                new ResourceKey("aws_instance", "i-0abc123"), new FindingAge(late, early))));

        model.sortBy(List.of(new FindingColumn.SortKey(FindingColumn.DRIFTED_SINCE, true)));
        assertThat(visibleIds().subList(0, 2)).containsExactly("i-0abc123", "orders");

        model.sortBy(List.of(new FindingColumn.SortKey(FindingColumn.FIRST_SEEN, true)));
        assertThat(visibleIds().subList(0, 2)).containsExactly("orders", "i-0abc123");
    }

    @Test
    void nextAndPreviousWalkTheVisibleRowsAndStopAtTheEnds() {
        show(SampleScans.small());
        model.statusFilterProperty().set(FindingStatus.UNMANAGED);

        model.selectRelative(1);
        assertThat(model.selectedProperty().get().id()).isEqualTo("legacy-admin");
        model.selectRelative(1);
        model.selectRelative(1);
        assertThat(model.selectedProperty().get().id()).isEqualTo("sg-0ff1ce");
        model.selectRelative(-1);
        assertThat(model.selectedProperty().get().id()).isEqualTo("legacy-admin");
    }

    @Test
    void emptyStatesSayWhatToDoNext() {
        model.sourcesConfiguredProperty().set(false);
        assertThat(model.placeholderProperty().get()).isEqualTo(EmptyStates.NO_SOURCES);

        model.sourcesConfiguredProperty().set(true);
        model.credentialsProblemProperty().set("nothing in the environment");
        assertThat(model.placeholderProperty().get()).startsWith("No AWS credentials found (nothing in the environment)")
                .contains("aws configure").contains("AWS_PROFILE");
        assertThat(model.hintProperty().get()).startsWith("No AWS credentials found");

        model.scanRunningProperty().set(true);
        assertThat(model.placeholderProperty().get()).isEqualTo(EmptyStates.FIRST_SCAN_RUNNING);

        model.credentialsProblemProperty().set(null);
        show(SampleScans.report(List.of(
                new Finding(FindingStatus.IN_SYNC, "aws_vpc", "vpc-1", "aws_vpc.main", "1", "eu-west-1", "s", List.of(), null))));
        assertThat(model.hintProperty().get()).isEqualTo("All clear: no drift. 1 resource matches Terraform state or an ignore rule.");

        show(SampleScans.small());
        assertThat(model.hintProperty().get()).isEmpty();
    }
}
