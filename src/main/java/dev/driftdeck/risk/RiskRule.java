package dev.driftdeck.risk;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One catalogue rule.
 *
 * @param id       Driftdeck's id, {@code DD-SG-001}
 * @param severity how much a drift into failing it matters
 * @param title    one line: what is wrong
 * @param why      why an operator should care
 * @param fix      what to do
 * @param refs     the AWS Security Hub / CIS AWS Foundations control ids it matches (empty when none exists)
 * @param types    the Terraform types it reads
 * @param reads    the top-level attributes it reads: a CHANGED finding is judged only on rules that read one of its
 *                 differences (an attribute the operator ignored is never a risk)
 * @param fails    true when the resource breaks the rule; it sees {@link RuleInput#absent()} for a resource that
 *                 does not exist, which fails only for a security control whose absence is the problem
 * @param onlyAsChange the rule is about something turned off or taken away (a boundary removed, backups off): it
 *                 means nothing without the state's value to compare with, so an UNMANAGED resource is not judged
 *                 on it (a user made by hand without a permissions boundary is not "a boundary removed")
 */
public record RiskRule(String id, Severity severity, String title, String why, String fix, List<String> refs,
                       Set<String> types, Set<String> reads, Predicate<RuleInput> fails, boolean onlyAsChange) {

    public RiskRule {
        refs = List.copyOf(refs);
        types = Set.copyOf(types);
        reads = Set.copyOf(reads);
    }

    /** Whether this rule fails on the given side. */
    public boolean failsOn(RuleInput input) {
        return fails.test(input);
    }
}
