package dev.driftdeck.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator does with an "accept in code" fragment, done on configuration text: each argument or block the
 * fragment sets replaces every argument or block of that name in the same resource block; a map the fragment marks
 * "change only these keys" is merged key by key (and the keys it says to remove are removed). Handles the plain,
 * two-space-indented HCL of the test fixtures, not every HCL there is.
 */
public final class HclPaste {

    private static final Pattern RESOURCE = Pattern.compile("^resource \"([^\"]+)\" \"([^\"]+)\" \\{$", Pattern.MULTILINE);
    private static final Pattern MAP_NOTE = Pattern.compile("# (\\S+) is a map: change only these keys.*?(?:; remove (.*))?$");
    private static final Pattern ENTRY = Pattern.compile("^\\s*(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_-]*)\\s*=\\s*(.*)$");

    private HclPaste() {
    }

    /** The configuration with the fragment's arguments pasted into its {@code resource "type" "name"} block. */
    public static String paste(String configuration, String fragment) {
        Matcher header = RESOURCE.matcher(fragment);
        if (!header.find()) {
            throw new IllegalArgumentException("no resource block in the fragment:\n" + fragment);
        }
        String opening = header.group();
        int start = configuration.indexOf(opening);
        if (start < 0) {
            throw new IllegalArgumentException("no " + opening + " in the configuration");
        }
        int end = configuration.indexOf("\n}\n", start);
        List<String> body = items(configuration.substring(start + opening.length() + 1, end + 1));
        List<String> pasted = items(fragment.substring(header.end() + 1, fragment.lastIndexOf("\n}") + 1));
        Map<String, List<String>> removedKeys = new LinkedHashMap<>();
        List<String> merged = new ArrayList<>(body);
        List<String> replaced = new ArrayList<>();
        for (String item : pasted) {
            Matcher note = MAP_NOTE.matcher(item.strip());
            if (note.matches()) {
                removedKeys.put(note.group(1), note.group(2) == null ? List.of()
                        : List.of(note.group(2).replace("\"", "").split(", ")));
                continue;
            }
            if (item.strip().startsWith("#")) {
                continue;
            }
            String name = name(item);
            if (removedKeys.containsKey(name)) {
                merged.replaceAll(existing -> name(existing).equals(name)
                        ? mergeMap(existing, item, removedKeys.remove(name)) : existing);
                continue;
            }
            if (!replaced.contains(name)) {
                merged.removeIf(existing -> name(existing).equals(name));
                replaced.add(name);
            }
            merged.add(item);
        }
        removedKeys.forEach((name, keys) -> merged.replaceAll(existing -> name(existing).equals(name)
                ? mergeMap(existing, name + " = {\n  }", keys) : existing));
        return configuration.substring(0, start + opening.length() + 1) + String.join("\n", merged) + "\n"
                + configuration.substring(end + 1);
    }

    /** The body split into top-level items: an argument or block with its continuation lines, up to balanced brackets. */
    private static List<String> items(String body) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (String line : body.split("\n")) {
            if (depth == 0 && line.isBlank()) {
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(line);
            depth += count(line, '{') + count(line, '[') + count(line, '(') - count(line, '}') - count(line, ']')
                    - count(line, ')');
            if (depth == 0) {
                items.add(current.toString());
                current.setLength(0);
            }
        }
        return items;
    }

    private static String mergeMap(String existing, String pasted, List<String> removed) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String text : List.of(existing, pasted)) {
            for (String line : text.split("\n")) {
                Matcher entry = ENTRY.matcher(line);
                if (entry.matches() && !line.contains("{")) {
                    entries.put(entry.group(1).replace("\"", ""), entry.group(2));
                }
            }
        }
        removed.forEach(entries::remove);
        StringBuilder out = new StringBuilder("  " + name(existing) + " = {\n");
        entries.forEach((key, value) -> out.append("    ").append('"').append(key).append("\" = ").append(value).append('\n'));
        return out.append("  }").toString();
    }

    private static String name(String item) {
        return item.strip().split("[\\s={]+", 2)[0];
    }

    private static int count(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char at = line.charAt(i);
            if (at == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && at == c) {
                n++;
            } else if (!quoted && at == '#') {
                break;
            }
        }
        return n;
    }
}
