package dev.driftdeck.state;

/** How a masked secret looks wherever it is stored, shown or exported. */
public final class Sensitive {
    public static final String MASK = "(sensitive)";

    private Sensitive() {
    }
}
