package dev.driftdeck.ui.overview;

import dev.driftdeck.ui.SettingsForm;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The first-run guide on the overview of a console with no stored scan: three steps, each ticked from what is really
 * there, never from a click on the guide itself.
 * <ol>
 *     <li>State source: at least one source is configured.</li>
 *     <li>AWS access: the credentials a scan will use resolve and a region is set, or the saved AWS settings (profile,
 *     regions, endpoint) are the ones "Test access" reached AWS with (which proves a profile's own region too).
 *     Credentials alone are not enough: with no region anywhere the first scan fails.</li>
 *     <li>First scan: a scan is stored and shown.</li>
 * </ol>
 * It shows when the console found no stored scan (a read-only console never shows it) and stays, every step ticked,
 * after the first scan until the operator hides it; a console that opens on a stored scan never shows it.
 * FX thread only: the console feeds it the results of its background checks.
 */
public final class FirstRunGuide {

    static final String SOURCES_TODO = "Where your Terraform state is: a .tfstate file, a folder of them, or an S3 URI.";
    static final String ACCESS_CHECKING = "Looking for AWS credentials…";
    static final String ACCESS_NO_REGION = "Credentials found. Choose the region(s) to scan in Settings "
            + "(and the endpoint, for an AWS emulator), or test the profile's own region.";
    static final String ACCESS_NO_CREDENTIALS = "No AWS credentials found (%s). Run 'aws configure' or "
            + "'aws sso login', or name a profile in Settings.";
    static final String SCAN_TODO = "Compares the state with AWS. Findings appear here and on the Findings page.";
    static final String SCAN_DONE = "A scan is stored: its findings are on the Findings page.";

    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper sourcesDone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper accessDone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper scanDone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper sourcesText = new ReadOnlyStringWrapper(SOURCES_TODO);
    private final ReadOnlyStringWrapper accessText = new ReadOnlyStringWrapper(ACCESS_CHECKING);
    private final ReadOnlyStringWrapper scanText = new ReadOnlyStringWrapper(SCAN_TODO);

    private boolean hidden;
    private boolean regionsSet;
    /** The AWS part of the settings as stored now, and as last saved right after a successful Test access. */
    private AwsPart stored;
    private AwsPart tested;
    private boolean credentialsChecked;
    private String credentialsProblem;

    /** The console looked and found no stored scan: the guide shows (unless the operator hid it). */
    public void noScanStored() {
        visible.set(!hidden);
    }

    /** A stored scan is on screen. */
    public void scanShown() {
        scanDone.set(true);
        scanText.set(SCAN_DONE);
    }

    /** The operator closed the guide. */
    public void hide() {
        hidden = true;
        visible.set(false);
    }

    /** What the stored settings say: how many state sources, which regions, profile and endpoint. */
    public void settingsLoaded(SettingsForm settings) {
        int sourceCount = settings.stateUris().size();
        sourcesDone.set(sourceCount > 0);
        sourcesText.set(sourceCount == 0 ? SOURCES_TODO
                : sourceCount + (sourceCount == 1 ? " state source configured." : " state sources configured."));
        regionsSet = !settings.regions().isEmpty();
        stored = AwsPart.of(settings);
        updateAccess();
    }

    /** The credentials check came back: {@code problem} says why none resolve, null when they do. */
    public void credentialsChecked(String problem) {
        credentialsChecked = true;
        credentialsProblem = problem;
        updateAccess();
    }

    /**
     * These settings were saved right after "Test access" reached AWS with them: the credentials and the region the
     * scan will use are proven, for as long as the stored profile, regions and endpoint stay these.
     */
    public void accessTested(SettingsForm saved) {
        tested = AwsPart.of(saved);
        updateAccess();
    }

    private void updateAccess() {
        boolean accessTested = tested != null && tested.equals(stored);
        if (!credentialsChecked) {
            accessDone.set(accessTested);
            accessText.set(accessTested ? accessDoneText(true) : ACCESS_CHECKING);
            return;
        }
        boolean done = accessTested || (credentialsProblem == null && regionsSet);
        accessDone.set(done);
        if (done) {
            accessText.set(accessDoneText(accessTested));
        } else if (credentialsProblem != null) {
            accessText.set(ACCESS_NO_CREDENTIALS.formatted(credentialsProblem));
        } else {
            accessText.set(ACCESS_NO_REGION);
        }
    }

    private static String accessDoneText(boolean tested) {
        return tested ? "AWS access tested: the scan reaches your account."
                : "AWS credentials found and the region(s) to scan set.";
    }

    /** What "Test access" proves: the settings that say whom the scan asks, and where. */
    private record AwsPart(String profile, java.util.List<String> regions, String endpointUrl) {
        static AwsPart of(SettingsForm form) {
            return new AwsPart(form.profile().strip(), form.regions(), form.endpointUrl().strip());
        }
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sourcesDoneProperty() {
        return sourcesDone.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty accessDoneProperty() {
        return accessDone.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanDoneProperty() {
        return scanDone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourcesTextProperty() {
        return sourcesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accessTextProperty() {
        return accessText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scanTextProperty() {
        return scanText.getReadOnlyProperty();
    }
}
