package dev.driftdeck.ui.settings;

import dev.driftdeck.risk.Severity;

/** How the settings name a notification floor. */
final class NotifyChoice {

    private NotifyChoice() {
    }

    /** "Any drift" for no floor, else "High or worse"; "Critical only" for the top. */
    static String label(Severity floor) {
        if (floor == null) {
            return "Any drift";
        }
        return floor == Severity.CRITICAL ? "Critical only" : floor.label() + " or worse";
    }
}
