package dev.driftdeck.ui.overview;

import dev.driftdeck.ui.SettingsForm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each step of the first-run guide is ticked by what is really there. */
class FirstRunGuideTest {

    private final FirstRunGuide guide = new FirstRunGuide();

    private static SettingsForm settings(int sources, List<String> regions, String profile) {
        return new SettingsForm(java.util.stream.IntStream.range(0, sources).mapToObj(i -> "s" + i + ".tfstate").toList(),
                regions, profile, "", false, 15);
    }

    @Test
    void showsOnlyWhenNoScanIsStoredAndStaysHiddenOnceHidden() {
        assertThat(guide.visibleProperty().get()).as("not before the console looked").isFalse();

        guide.noScanStored();
        assertThat(guide.visibleProperty().get()).isTrue();

        guide.hide();
        guide.noScanStored();
        assertThat(guide.visibleProperty().get()).isFalse();
    }

    @Test
    void aSourceTicksTheFirstStep() {
        guide.settingsLoaded(settings(0, List.of(), ""));
        assertThat(guide.sourcesDoneProperty().get()).isFalse();
        assertThat(guide.sourcesTextProperty().get()).isEqualTo(FirstRunGuide.SOURCES_TODO);

        guide.settingsLoaded(settings(2, List.of(), ""));
        assertThat(guide.sourcesDoneProperty().get()).isTrue();
        assertThat(guide.sourcesTextProperty().get()).isEqualTo("2 state sources configured.");
    }

    @Test
    void awsAccessNeedsCredentialsThatResolveAndARegion() {
        guide.settingsLoaded(settings(1, List.of("eu-west-1"), ""));
        assertThat(guide.accessDoneProperty().get()).as("credentials not checked yet").isFalse();
        assertThat(guide.accessTextProperty().get()).isEqualTo(FirstRunGuide.ACCESS_CHECKING);

        guide.credentialsChecked("nothing in the environment, ~/.aws or an SSO session");
        assertThat(guide.accessDoneProperty().get()).isFalse();
        assertThat(guide.accessTextProperty().get())
                .startsWith("No AWS credentials found (nothing in the environment, ~/.aws or an SSO session).");

        guide.credentialsChecked(null);
        assertThat(guide.accessDoneProperty().get()).isTrue();

        guide.settingsLoaded(settings(1, List.of(), ""));
        assertThat(guide.accessDoneProperty().get()).as("credentials without any region").isFalse();
        assertThat(guide.accessTextProperty().get()).isEqualTo(FirstRunGuide.ACCESS_NO_REGION);
    }

    @Test
    void savedSettingsThatPassedTestAccessTickAccessWithoutANamedRegionWhileTheyStay() {
        SettingsForm ops = settings(1, List.of(), "ops");
        guide.settingsLoaded(ops);
        guide.credentialsChecked(null);
        assertThat(guide.accessDoneProperty().get()).isFalse();

        guide.accessTested(ops);
        assertThat(guide.accessDoneProperty().get()).isTrue();

        guide.settingsLoaded(settings(1, List.of(), "other-profile"));
        assertThat(guide.accessDoneProperty().get()).as("another profile was never tested").isFalse();
        guide.settingsLoaded(ops);
        assertThat(guide.accessDoneProperty().get()).isTrue();
    }

    @Test
    void aShownScanTicksTheLastStep() {
        guide.noScanStored();
        assertThat(guide.scanDoneProperty().get()).isFalse();

        guide.scanShown();

        assertThat(guide.scanDoneProperty().get()).isTrue();
        assertThat(guide.visibleProperty().get()).as("stays, every step ticked, until hidden").isTrue();
    }
}
