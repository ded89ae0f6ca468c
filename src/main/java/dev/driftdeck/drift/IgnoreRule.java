package dev.driftdeck.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a driftctl-compatible {@code .driftignore}: {@code type.id} or {@code type.id.attribute.path},
 * {@code *} wildcards in any segment, a leading {@code !} negates, {@code \.} is a literal dot inside a segment.
 *
 * @param text     the line as written, for "ignored by rule ..." notes
 * @param negated  true for {@code !} lines, which un-ignore
 * @param segments compiled segments: type, id, then the attribute path
 */
public record IgnoreRule(String text, boolean negated, List<Pattern> segments) {

    public IgnoreRule {
        segments = List.copyOf(segments);
    }

    /** Parses one non-comment line; throws {@link IllegalArgumentException} with the reason when malformed. */
    static IgnoreRule parse(String line) {
        String body = line.strip();
        boolean negated = body.startsWith("!");
        if (negated) {
            body = body.substring(1);
        }
        List<String> parts = splitOnUnescapedDots(body);
        if (parts.size() == 1 && parts.getFirst().equals("*")) {
            parts = List.of("*", "*");
        }
        if (parts.size() < 2 || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("expected TYPE.ID or TYPE.ID.ATTRIBUTE, got '" + line.strip() + "'");
        }
        return new IgnoreRule(line.strip(), negated, parts.stream().map(IgnoreRule::glob).toList());
    }

    boolean isResourceRule() {
        return segments.size() == 2;
    }

    boolean matchesResource(String type, String id) {
        return segments.get(0).matcher(type).matches() && segments.get(1).matcher(id).matches();
    }

    /** True when this attribute rule covers the diff at {@code path} (a rule on {@code tags} covers {@code tags.Env}). */
    boolean matchesAttribute(String type, String id, List<String> path) {
        List<Pattern> attribute = segments.subList(2, segments.size());
        if (!matchesResource(type, id) || path.size() < attribute.size()) {
            return false;
        }
        for (int i = 0; i < attribute.size(); i++) {
            if (!attribute.get(i).matcher(path.get(i)).matches()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitOnUnescapedDots(String body) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '.') {
                current.append('.');
                i++;
            } else if (c == '.') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    static final String ANY = ".*";

    private static Pattern glob(String segment) {
        if (segment.equals("*")) {
            return Pattern.compile(ANY);
        }
        StringBuilder regex = new StringBuilder();
        for (String literal : segment.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString());
    }
}
