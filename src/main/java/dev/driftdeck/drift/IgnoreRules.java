package dev.driftdeck.drift;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code .driftignore}. Later lines win over earlier ones, so {@code aws_s3_bucket.*} followed by
 * {@code !aws_s3_bucket.keep} ignores every bucket but {@code keep}.
 *
 * @param rules    the valid rules, in file order
 * @param problems one message per malformed line, naming the file and line; those lines are skipped
 */
public record IgnoreRules(List<IgnoreRule> rules, List<String> problems) {

    public IgnoreRules {
        rules = List.copyOf(rules);
        problems = List.copyOf(problems);
    }

    public static IgnoreRules none() {
        return new IgnoreRules(List.of(), List.of());
    }

    public static IgnoreRules read(Path file) throws IOException {
        return parse(Files.readAllLines(file), file.toString());
    }

    public static IgnoreRules parse(List<String> lines, String sourceName) {
        List<IgnoreRule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(IgnoreRule.parse(line));
            } catch (IllegalArgumentException e) {
                problems.add(sourceName + " line " + (i + 1) + ": " + e.getMessage() + "; the line is skipped");
            }
        }
        return new IgnoreRules(rules, problems);
    }

    /** The rule that ignores this whole resource, if the last resource rule matching it is not a negation. */
    public Optional<IgnoreRule> ignoring(String type, String id) {
        IgnoreRule last = null;
        for (IgnoreRule rule : rules) {
            if (rule.isResourceRule() && rule.matchesResource(type, id)) {
                last = rule;
            }
        }
        return last == null || last.negated() ? Optional.empty() : Optional.of(last);
    }

    /** True when the diff at {@code path} of this resource is ignored. */
    public boolean ignoresAttribute(String type, String id, List<String> path) {
        IgnoreRule last = null;
        for (IgnoreRule rule : rules) {
            if (!rule.isResourceRule() && rule.matchesAttribute(type, id, path)) {
                last = rule;
            }
        }
        return last != null && !last.negated();
    }

    /**
     * True when every resource of the type is ignored whatever its id, so listing it from AWS would be wasted calls:
     * a non-negated {@code type.*} (or {@code *}) rule with no negation of that type after it.
     */
    public boolean ignoresWholeType(String type) {
        boolean ignored = false;
        for (IgnoreRule rule : rules) {
            if (!rule.isResourceRule() || !rule.segments().get(0).matcher(type).matches()) {
                continue;
            }
            boolean everyId = rule.segments().get(1).pattern().equals(IgnoreRule.ANY);
            if (!rule.negated() && everyId) {
                ignored = true;
            } else if (rule.negated()) {
                ignored = false;
            }
        }
        return ignored;
    }
}
