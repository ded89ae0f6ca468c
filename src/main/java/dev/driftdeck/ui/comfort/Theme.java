package dev.driftdeck.ui.comfort;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light or dark (AtlantaFX Primer), applied to every window of the app and remembered. */
public final class Theme {

    static final String KEY = "theme";

    private final PreferenceStore preferences;
    private final BooleanProperty dark = new SimpleBooleanProperty();

    public Theme(PreferenceStore preferences) {
        this.preferences = preferences;
        dark.set("dark".equals(preferences.get(KEY, "light")));
        dark.addListener((obs, old, now) -> {
            preferences.put(KEY, now ? "dark" : "light");
            apply();
        });
    }

    /** Sets the remembered theme as the user-agent stylesheet. FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public void toggle() {
        dark.set(!dark.get());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }
}
