package dev.driftdeck.ui.settings;

import dev.driftdeck.scan.AccessCheck;
import dev.driftdeck.ui.ErrorAdvice;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS access rows of the settings dialog: the profile picker (the default chain, then the profiles of the
 * user's AWS files), the region picker, and "Test access" with what it found. Edits the profile and regions of the
 * {@link SettingsViewModel} it belongs to; FX thread only.
 */
public final class AwsAccessViewModel {

    /** The profile picker's first entry, saved as a blank profile. */
    public static final String DEFAULT_CHAIN = "";
    static final String DEFAULT_CHAIN_LABEL = "Default credential chain";
    static final String NOT_TESTED = "Test access asks AWS (STS GetCallerIdentity, read-only) whom these settings reach.";

    /** Where "Test access" stands; the dialog styles the answer by it. */
    public enum Access { NOT_TESTED, TESTING, OK, FAILED }

    private final SettingsViewModel settings;
    private final ObservableList<String> profiles = FXCollections.observableArrayList(DEFAULT_CHAIN);
    private final List<String> inFiles = new ArrayList<>();
    private final Map<String, String> regionNames = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper profilesProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper accessText = new ReadOnlyStringWrapper(NOT_TESTED);
    private final ReadOnlyObjectWrapper<Access> access = new ReadOnlyObjectWrapper<>(Access.NOT_TESTED);
    private boolean listing;

    public AwsAccessViewModel(SettingsViewModel settings) {
        this.settings = settings;
        // A changed field makes the last answer stale: it was about other settings.
        for (var field : List.of(settings.profileProperty(), settings.regionsProperty(), settings.endpointUrlProperty())) {
            field.addListener((obs, old, now) -> {
                if (access.get() != Access.TESTING) {
                    showAnswer(Access.NOT_TESTED, NOT_TESTED);
                }
            });
        }
        settings.profileProperty().addListener((obs, old, now) -> listProfiles());
        listProfiles();
    }

    /** The profiles of the AWS files, as read off the FX thread. */
    public void showProfiles(List<String> names) {
        inFiles.clear();
        inFiles.addAll(names);
        profilesProblem.set("");
        listProfiles();
    }

    /** The AWS files could not be read: the picker keeps the default chain and the saved profile, and says why. */
    public void profilesFailed(String problem) {
        profilesProblem.set(problem);
    }

    /**
     * Default chain first, then the files' profiles; a saved profile the files lack stays listed, marked as such.
     * The list is edited in place, not replaced: a ComboBox clears its value when its items are replaced, and that
     * would turn the saved profile into the default chain.
     */
    private void listProfiles() {
        if (listing) {
            return;
        }
        listing = true;
        String current = settings.profileProperty().get();
        try {
            List<String> listed = new ArrayList<>();
            listed.add(DEFAULT_CHAIN);
            listed.addAll(inFiles);
            if (current != null && !listed.contains(current)) {
                listed.add(current);
            }
            profiles.retainAll(listed);
            for (int i = 0; i < listed.size(); i++) {
                if (i >= profiles.size() || !profiles.get(i).equals(listed.get(i))) {
                    profiles.remove(listed.get(i));
                    profiles.add(i, listed.get(i));
                }
            }
        } finally {
            listing = false;
        }
        if (current != null && !current.equals(settings.profileProperty().get())) {
            settings.profileProperty().set(current); // an entry moved past the chosen one
        }
    }

    /** What the picker shows for an entry. */
    public String label(String profile) {
        if (profile == null || profile.isEmpty()) {
            return DEFAULT_CHAIN_LABEL;
        }
        return inFiles.isEmpty() || inFiles.contains(profile) ? profile : profile + " (not in the AWS config files)";
    }

    /** The regions the SDK knows, id to name. */
    public void showRegions(Map<String, String> regions) {
        regionNames.clear();
        regionNames.putAll(regions);
    }

    public Map<String, String> regionNames() {
        return regionNames;
    }

    public boolean regionChosen(String region) {
        return settings.regionList().contains(region);
    }

    /** Adds or removes a region from the regions field, keeping what was typed there. */
    public void chooseRegion(String region, boolean chosen) {
        List<String> regions = new ArrayList<>(settings.regionList());
        regions.remove(region);
        if (chosen) {
            regions.add(region);
        }
        settings.regionsProperty().set(String.join(", ", regions));
    }

    public void testing() {
        showAnswer(Access.TESTING, "Asking AWS…");
    }

    /** The answer of a test of the settings' current profile. */
    public void show(AccessCheck.Result result) {
        String profile = settings.profileProperty().get();
        switch (result) {
            case AccessCheck.Result.Identified identified -> showAnswer(Access.OK, describe(identified));
            case AccessCheck.Result.Failed failed -> showAnswer(Access.FAILED, describe(failed, profile));
        }
    }

    /** The test could not run at all (the console's services failed). */
    public void testFailed(String message) {
        showAnswer(Access.FAILED, message);
    }

    static String describe(AccessCheck.Result.Identified identified) {
        return "Account " + identified.account() + " as " + identified.arn() + " (asked in " + identified.region() + ").";
    }

    static String describe(AccessCheck.Result.Failed failed, String profile) {
        return "No access. " + ErrorAdvice.of(failed.error(), profile).text();
    }

    private void showAnswer(Access state, String text) {
        access.set(state);
        accessText.set(text);
    }

    /** "" for the default chain, then profile names. */
    public ObservableList<String> profiles() {
        return profiles;
    }

    /** Why the AWS files could not be read, or "". */
    public ReadOnlyStringProperty profilesProblemProperty() {
        return profilesProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accessTextProperty() {
        return accessText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Access> accessProperty() {
        return access.getReadOnlyProperty();
    }
}
