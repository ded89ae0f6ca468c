package dev.driftdeck.testing;

import org.junit.jupiter.api.Assumptions;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tests that need a tool of the machine (chromium, the kernel's mount) skip where it is missing, so the README's
 * test command passes on a fresh machine; but CI names the tools it guarantees in the system property
 * {@code driftdeck.require} (comma-separated, e.g. {@code -Ddriftdeck.require=chromium,mount}) and for those a
 * missing tool is a failure, never a silent skip that hides coverage.
 */
public final class RequiredTools {

    public static final String PROPERTY = "driftdeck.require";

    private RequiredTools() {
    }

    /** Skips the test (or fails it, where {@code tool} is required) unless {@code available}. */
    public static void assumeAvailable(String tool, boolean available, String whyMissing) {
        if (available) {
            return;
        }
        if (required().contains(tool)) {
            throw new AssertionError(tool + " is required here (-D" + PROPERTY + "=" + System.getProperty(PROPERTY)
                    + ") but unusable: " + whyMissing);
        }
        Assumptions.abort(tool + " is not usable here, so this test is skipped: " + whyMissing);
    }

    static Set<String> required() {
        return Arrays.stream(System.getProperty(PROPERTY, "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
