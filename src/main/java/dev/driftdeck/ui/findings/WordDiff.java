package dev.driftdeck.ui.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level comparison of two texts, for highlighting what changed inside a long value (a policy document, a
 * list of CIDR blocks). Tokens are words, single punctuation marks and runs of whitespace; the longest common
 * subsequence of tokens is unchanged, everything else is marked. Past {@link #MAX_TOKENS} tokens per side the
 * quadratic table would be too big to build on a click, so both sides are then marked whole.
 */
public final class WordDiff {

    static final int MAX_TOKENS = 3000;
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_\\-.:/*@$]+|\\s+|.", Pattern.DOTALL);

    /** One run of text on one side; {@code changed} when it is not on the other side. */
    public record Part(String text, boolean changed) {
    }

    /** The two sides, each as consecutive parts that join back to the original text. */
    public record Sides(List<Part> expected, List<Part> actual) {
    }

    private WordDiff() {
    }

    public static Sides compare(String expected, String actual) {
        List<String> a = tokens(expected);
        List<String> b = tokens(actual);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            return new Sides(List.of(new Part(expected, !expected.equals(actual))),
                    List.of(new Part(actual, !expected.equals(actual))));
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        Builder left = new Builder();
        Builder right = new Builder();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                left.add(a.get(i++), false);
                right.add(b.get(j++), false);
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                left.add(a.get(i++), true);
            } else {
                right.add(b.get(j++), true);
            }
        }
        while (i < a.size()) {
            left.add(a.get(i++), true);
        }
        while (j < b.size()) {
            right.add(b.get(j++), true);
        }
        return new Sides(left.parts, right.parts);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Merges neighbouring tokens of the same kind, so a text node is a run and not a word. */
    private static final class Builder {
        private final List<Part> parts = new ArrayList<>();

        void add(String token, boolean changed) {
            if (!parts.isEmpty() && parts.getLast().changed() == changed) {
                Part last = parts.removeLast();
                parts.add(new Part(last.text() + token, changed));
            } else {
                parts.add(new Part(token, changed));
            }
        }
    }
}
