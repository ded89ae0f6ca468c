package dev.driftdeck.ui.findings;

/**
 * What the findings area says when there is nothing (or nothing drifting) to show: always the next step a
 * new operator should take, never just "empty".
 */
public final class EmptyStates {

    public static final String NO_SOURCES = "No state sources yet. Add one on the Sources page "
            + "(a .tfstate file, a folder, a glob or s3://bucket/key), then press Scan now (F5).";
    public static final String FIRST_SCAN_RUNNING = "First scan running: findings appear here when it finishes "
            + "(progress at the bottom of the window).";
    public static final String NO_SCAN_YET = "No scan yet. Press Scan now (F5) to compare your Terraform state with AWS.";
    public static final String SCAN_EMPTY = "The last scan found no resources. Check the state sources (Sources page) and the regions (Settings).";
    public static final String NOTHING_MATCHES = "No findings match the filter. Press Esc to clear the search, "
            + "or pick \"All\" in the status chips and pickers.";
    public static final String NO_CREDENTIALS = "No AWS credentials found (%s). Run 'aws configure' or 'aws sso login' "
            + "and name the profile in Settings, or set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
            + "then restart Driftdeck.";

    private EmptyStates() {
    }

    /** What the table shows in place of rows. */
    static String placeholder(boolean hasScan, boolean scanEmpty, Boolean sourcesConfigured, boolean scanRunning,
                              String credentialsProblem) {
        if (hasScan) {
            return scanEmpty ? SCAN_EMPTY : NOTHING_MATCHES;
        }
        if (scanRunning) {
            return FIRST_SCAN_RUNNING;
        }
        if (Boolean.FALSE.equals(sourcesConfigured)) {
            return NO_SOURCES;
        }
        if (credentialsProblem != null) {
            return credentials(credentialsProblem);
        }
        return NO_SCAN_YET;
    }

    /**
     * The line above the table: missing credentials first (scans will fail), then the all-clear.
     *
     * @param unsettled findings that are drifting or could not be checked: no all-clear while there are any
     */
    static String hint(boolean hasScan, int total, int unsettled, String credentialsProblem) {
        if (credentialsProblem != null) {
            return credentials(credentialsProblem);
        }
        if (hasScan && total > 0 && unsettled == 0) {
            return "All clear: no drift. " + total + (total == 1 ? " resource matches" : " resources match")
                    + " Terraform state or an ignore rule.";
        }
        return "";
    }

    static String credentials(String problem) {
        return NO_CREDENTIALS.formatted(problem);
    }
}
