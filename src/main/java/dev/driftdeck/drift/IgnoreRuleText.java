package dev.driftdeck.drift;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code .driftignore} lines that {@link IgnoreRules#parse} reads back to exactly the resource or attribute
 * they were made for: dots inside an id or path segment are escaped ({@code \.}), as driftctl expects.
 *
 * <p>A literal {@code *} cannot be escaped in driftctl's syntax; an id containing one becomes a wildcard there too.
 * AWS ids practically never contain {@code *}, so this is accepted rather than invented around.
 */
public final class IgnoreRuleText {

    /** The statuses "baseline all current drift" accepts as they are today. */
    public static final Set<FindingStatus> DRIFT = EnumSet.of(FindingStatus.CHANGED, FindingStatus.MISSING,
            FindingStatus.UNMANAGED);

    private IgnoreRuleText() {
    }

    /** {@code type.id}, ignoring the whole resource. */
    public static String forResource(String type, String id) {
        return escape(type) + "." + escape(id);
    }

    /** {@code type.id.path.to.attribute}, ignoring one attribute (and what is nested below it). */
    public static String forAttribute(String type, String id, List<String> path) {
        StringBuilder line = new StringBuilder(forResource(type, id));
        for (String segment : path) {
            line.append('.').append(escape(segment));
        }
        return line.toString();
    }

    /** Escapes the dots of one segment: {@code my.bucket} becomes {@code my\.bucket}. */
    public static String escape(String segment) {
        return segment.replace(".", "\\.");
    }

    /**
     * Lines that accept every drifting finding as it is now: a dated comment header, then one {@code type.id} per
     * CHANGED, MISSING or UNMANAGED finding (each resource once, in the order given).
     */
    public static List<String> baseline(List<Finding> findings, LocalDate today) {
        Set<String> rules = new LinkedHashSet<>();
        for (Finding finding : findings) {
            if (DRIFT.contains(finding.status())) {
                rules.add(forResource(finding.type(), finding.id()));
            }
        }
        List<String> lines = new ArrayList<>();
        if (rules.isEmpty()) {
            return lines;
        }
        lines.add("# Baseline of " + today + ": " + rules.size() + " drifting resource(s) accepted as they are."
                + " Remove a line to watch that resource again.");
        lines.addAll(rules);
        return lines;
    }
}
