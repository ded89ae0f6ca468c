package dev.driftdeck.risk;

import java.util.List;

/**
 * One rule a drift touched: the live value fails a rule the state value passed ({@link Effect#INTRODUCED}), or the
 * reverse ({@link Effect#FIXED}). Carries the rule's words so a stored finding reads the same after the catalogue
 * changes.
 */
public record Risk(String rule, Severity severity, String title, String why, String fix, List<String> refs,
                   Effect effect) {

    /** What the drift did to the rule. */
    public enum Effect {
        /** State passed the rule, live fails it. */
        INTRODUCED,
        /** State failed the rule, live passes it: the drift repaired something. */
        FIXED
    }

    public Risk {
        refs = List.copyOf(refs);
    }

    public boolean introduced() {
        return effect == Effect.INTRODUCED;
    }

    static Risk of(RiskRule rule, Effect effect) {
        return new Risk(rule.id(), rule.severity(), rule.title(), rule.why(), rule.fix(), rule.refs(), effect);
    }
}
