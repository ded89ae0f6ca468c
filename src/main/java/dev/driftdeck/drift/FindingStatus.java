package dev.driftdeck.drift;

/** The status vocabulary of the product brief, section 2. */
public enum FindingStatus {
    /** In state and live, compared attributes equal. */
    IN_SYNC,
    /** In state and live, with attribute differences. */
    CHANGED,
    /** In state, absent live: deleted out of band. Only when every listing that could hold it succeeded. */
    MISSING,
    /** Live, in no state. */
    UNMANAGED,
    /** Matched an ignore rule; kept so coverage can say what was excluded. */
    IGNORED,
    /** Its (account, region, type) listing failed or the type is unsupported; never turned into MISSING. */
    NOT_CHECKED;

    /** Changed, missing or unmanaged: what the console, the trend and {@code --fail-on} call drift. */
    public boolean isDrift() {
        return this == CHANGED || this == MISSING || this == UNMANAGED;
    }

    /** How an operator reads the status in the console and in reports: "In sync", "Not checked". */
    public String label() {
        return switch (this) {
            case IN_SYNC -> "In sync";
            case CHANGED -> "Changed";
            case MISSING -> "Missing";
            case UNMANAGED -> "Unmanaged";
            case IGNORED -> "Ignored";
            case NOT_CHECKED -> "Not checked";
        };
    }
}
