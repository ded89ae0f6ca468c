package dev.driftdeck.remediation;

import java.util.regex.Pattern;

/** How an argument is written into a command an operator pastes into a POSIX shell. */
public final class Shell {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_\\-./:@=,+]+");

    private Shell() {
    }

    /** Single-quotes a shell argument unless it is plainly safe. */
    public static String quote(String arg) {
        if (arg != null && SHELL_SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + (arg == null ? "" : arg.replace("'", "'\\''")) + "'";
    }
}
