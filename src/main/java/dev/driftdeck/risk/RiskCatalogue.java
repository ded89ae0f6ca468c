package dev.driftdeck.risk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every rule Driftdeck evaluates on drift, and the evaluation: a rule is a risk of a finding when the drift
 * introduced it (the state side passes, the live side fails) or fixed it (the reverse). A rule already failing in
 * the state is not the drift's doing and is not reported.
 */
public final class RiskCatalogue {

    private static final RiskCatalogue STANDARD = new RiskCatalogue(Stream.of(
                    NetworkRiskRules.all(), ComputeRiskRules.all(), StorageRiskRules.all(), IdentityRiskRules.all(),
                    KeyAndDatabaseRiskRules.all(), AuditRiskRules.all(), MessagingRiskRules.all())
            .flatMap(List::stream).toList());

    private static final Comparator<Risk> WORST_FIRST =
            Comparator.comparing(Risk::effect).thenComparing(Risk::severity).thenComparing(Risk::rule);

    private final List<RiskRule> rules;
    private final Map<String, List<RiskRule>> byType;

    RiskCatalogue(List<RiskRule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        Map<String, List<RiskRule>> index = new HashMap<>();
        for (RiskRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalStateException("two catalogue rules share the id " + rule.id());
            }
            rule.types().forEach(type -> index.computeIfAbsent(type, t -> new ArrayList<>()).add(rule));
        }
        this.byType = Map.copyOf(index);
    }

    /** The catalogue Driftdeck ships. */
    public static RiskCatalogue standard() {
        return STANDARD;
    }

    public List<RiskRule> rules() {
        return rules;
    }

    /** The rules that read {@code type}. */
    public List<RiskRule> rulesFor(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** A rule by id, for the docs and for tests. */
    public RiskRule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no catalogue rule " + id));
    }

    /**
     * The risks of one drifted resource, introduced ones first, worst first.
     *
     * @param state   the state's attributes, {@code null} when the state does not have it (UNMANAGED)
     * @param live    the live attributes, {@code null} when AWS does not have it (MISSING)
     * @param changed the top-level attributes that differ (CHANGED): only rules reading one of them count;
     *                {@code null} to judge every rule of the type
     */
    public List<Risk> assess(String type, String account, Map<String, Object> state, Map<String, Object> live,
                             Collection<String> changed) {
        List<RiskRule> candidates = byType.get(type);
        if (candidates == null) {
            return List.of();
        }
        RuleInput before = new RuleInput(type, account, state);
        RuleInput after = new RuleInput(type, account, live == null || state == null ? live : overlay(state, live));
        List<Risk> risks = new ArrayList<>(2);
        for (RiskRule rule : candidates) {
            if ((changed != null && rule.reads().stream().noneMatch(changed::contains))
                    || (state == null && rule.onlyAsChange())) {
                continue;
            }
            // not in any state (UNMANAGED) is not "deleted": only the live value is judged
            boolean failedBefore = state != null && rule.failsOn(before);
            boolean failsNow = rule.failsOn(after);
            if (failsNow && !failedBefore) {
                risks.add(Risk.of(rule, Risk.Effect.INTRODUCED));
            } else if (failedBefore && !failsNow) {
                risks.add(Risk.of(rule, Risk.Effect.FIXED));
            }
        }
        risks.sort(WORST_FIRST);
        return List.copyOf(risks);
    }

    /** The most severe introduced risk, or null when the drift introduced none. */
    public static Severity highest(List<Risk> risks) {
        Severity worst = null;
        for (Risk risk : risks) {
            if (risk.introduced()) {
                worst = Severity.max(worst, risk.severity());
            }
        }
        return worst;
    }

    /**
     * The live side as the rules read it: a collector lists only the compared attributes, so the others (identity,
     * attributes AWS does not return) are taken from the state, where they are equal by construction.
     */
    private static Map<String, Object> overlay(Map<String, Object> state, Map<String, Object> live) {
        Map<String, Object> merged = new LinkedHashMap<>(state);
        merged.putAll(live);
        return merged;
    }
}
