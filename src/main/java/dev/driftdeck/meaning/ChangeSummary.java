package dev.driftdeck.meaning;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What one attribute difference means, as one or more {@link ChangeLine}s: a rule set gives a line per element added
 * or removed, a policy a line per statement, anything else one line.
 */
public record ChangeSummary(List<ChangeLine> lines) {

    public ChangeSummary {
        lines = List.copyOf(lines);
    }

    /** The lines as one sentence, {@code "; "} between them: the JSON, CSV and HTML {@code summary}. */
    public String text() {
        return lines.stream().map(ChangeLine::text).collect(Collectors.joining("; "));
    }
}
