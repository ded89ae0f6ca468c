package dev.driftdeck.ui.overview;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each step of the first-run guide is ticked by what is really there. */
class FirstRunGuideTest {

    private final FirstRunGuide guide = new FirstRunGuide();

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
        guide.settingsLoaded(0, false);
        assertThat(guide.sourcesDoneProperty().get()).isFalse();
        assertThat(guide.sourcesTextProperty().get()).isEqualTo(FirstRunGuide.SOURCES_TODO);

        guide.settingsLoaded(2, false);
        assertThat(guide.sourcesDoneProperty().get()).isTrue();
        assertThat(guide.sourcesTextProperty().get()).isEqualTo("2 state sources configured.");
    }

    @Test
    void awsAccessNeedsCredentialsThatResolveAndARegion() {
        guide.settingsLoaded(1, true);
        assertThat(guide.accessDoneProperty().get()).as("credentials not checked yet").isFalse();
        assertThat(guide.accessTextProperty().get()).isEqualTo(FirstRunGuide.ACCESS_CHECKING);

        guide.credentialsChecked("nothing in the environment, ~/.aws or an SSO session");
        assertThat(guide.accessDoneProperty().get()).isFalse();
        assertThat(guide.accessTextProperty().get())
                .startsWith("No AWS credentials found (nothing in the environment, ~/.aws or an SSO session).");

        guide.credentialsChecked(null);
        assertThat(guide.accessDoneProperty().get()).isTrue();

        guide.settingsLoaded(1, false);
        assertThat(guide.accessDoneProperty().get()).as("credentials without any region").isFalse();
        assertThat(guide.accessTextProperty().get()).isEqualTo(FirstRunGuide.ACCESS_NO_REGION);
    }

    @Test
    void aSuccessfulAccessTestTicksAccessWithoutANamedRegion() {
        guide.settingsLoaded(1, false);
        guide.credentialsChecked(null);
        assertThat(guide.accessDoneProperty().get()).isFalse();

        guide.accessTested(true);
        assertThat(guide.accessDoneProperty().get()).isTrue();

        guide.accessTested(false);
        assertThat(guide.accessDoneProperty().get()).isFalse();
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
