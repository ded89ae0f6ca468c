package dev.driftdeck.meaning;

/**
 * One change in plain words: {@code ingress added: tcp 22 from 0.0.0.0/0}.
 *
 * @param sign what happened to the element the line names
 * @param text the sentence, already in the attribute's own terms
 */
public record ChangeLine(Sign sign, String text) {

    /** Added ({@code +}), removed ({@code -}) or changed in place ({@code ~}), as refresh-only and diff tools mark them. */
    public enum Sign {
        ADDED('+'), REMOVED('-'), CHANGED('~');

        private final char symbol;

        Sign(char symbol) {
            this.symbol = symbol;
        }

        public char symbol() {
            return symbol;
        }
    }

    /** {@code + ingress added: tcp 22 from 0.0.0.0/0}: the line as the CLI prints it. */
    public String marked() {
        return sign.symbol() + " " + text;
    }
}
