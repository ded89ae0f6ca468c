package dev.driftdeck.risk;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Reads a catalogue entry as a sentence: {@code rule(id, severity, title).why(..).fix(..).refs(..).on(..)}. */
final class RuleBuilder {

    private final String id;
    private final Severity severity;
    private final String title;
    private String why;
    private String fix;
    private List<String> refs = List.of();
    private Set<String> types = Set.of();
    private Set<String> reads = Set.of();
    private boolean onlyAsChange;

    private RuleBuilder(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    static RuleBuilder rule(String id, Severity severity, String title) {
        return new RuleBuilder(id, severity, title);
    }

    RuleBuilder why(String text) {
        this.why = text;
        return this;
    }

    RuleBuilder fix(String text) {
        this.fix = text;
        return this;
    }

    RuleBuilder refs(String... ids) {
        this.refs = List.of(ids);
        return this;
    }

    RuleBuilder on(String... terraformTypes) {
        this.types = Set.of(terraformTypes);
        return this;
    }

    RuleBuilder reads(String... attributes) {
        this.reads = Set.of(attributes);
        return this;
    }

    /** See {@link RiskRule#onlyAsChange()}. */
    RuleBuilder onlyAsChange() {
        this.onlyAsChange = true;
        return this;
    }

    RiskRule failsWhen(Predicate<RuleInput> fails) {
        return new RiskRule(id, severity, title, why, fix, refs, types, reads, fails, onlyAsChange);
    }

    /** A present resource fails when {@code fails} says so; an absent one never does. */
    RiskRule failsWhenPresentAnd(Predicate<RuleInput> fails) {
        return failsWhen(input -> !input.absent() && fails.test(input));
    }
}
