package dev.driftdeck.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.risk.RuleExamples.Example;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every catalogue rule: passes, fails (introduced by drift), already failing in state (not the drift's), fixed. */
class RiskCatalogueTest {

    private static final RiskCatalogue CATALOGUE = RiskCatalogue.standard();

    static Stream<Example> examples() {
        return RuleExamples.all().values().stream();
    }

    @Test
    void theCatalogueHasAtLeastThirtyRulesEachWithAnExample() {
        assertThat(CATALOGUE.rules()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(RuleExamples.all().keySet())
                .containsExactlyInAnyOrderElementsOf(CATALOGUE.rules().stream().map(RiskRule::id).toList());
    }

    @Test
    void everyRuleSaysWhyAndHowToFixAndReadsTypesItNames() {
        for (RiskRule rule : CATALOGUE.rules()) {
            assertThat(rule.id()).matches("DD-[A-Z0-9]+-\\d{3}");
            assertThat(rule.title()).as(rule.id()).isNotBlank();
            assertThat(rule.why()).as(rule.id()).isNotBlank();
            assertThat(rule.fix()).as(rule.id()).isNotBlank();
            assertThat(rule.types()).as(rule.id()).isNotEmpty().allMatch(type -> type.startsWith("aws_"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aPassingValueOnBothSidesIsNoRisk(Example example) {
        assertThat(ids(CATALOGUE.assess(example.type(), RuleExamples.ACCOUNT, example.passing(), example.passing(), null)))
                .doesNotContain(example.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aFailingLiveValueIsARiskIntroducedByTheDrift(Example example) {
        List<Risk> risks = CATALOGUE.assess(example.type(), RuleExamples.ACCOUNT, example.passing(), example.failing(),
                changed(example));
        assertThat(risks).filteredOn(risk -> risk.rule().equals(example.rule()))
                .singleElement()
                .satisfies(risk -> {
                    assertThat(risk.effect()).isEqualTo(Risk.Effect.INTRODUCED);
                    assertThat(risk.severity()).isEqualTo(CATALOGUE.rule(example.rule()).severity());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aValueAlreadyFailingInTheStateIsNotTheDriftsDoing(Example example) {
        Map<String, Object> failing = example.failing();
        if (failing == null) {
            // a deleted control cannot be "already deleted" in state: the state holding nothing is UNMANAGED's case
            assertThat(ids(CATALOGUE.assess(example.type(), RuleExamples.ACCOUNT, null, example.passing(), null)))
                    .doesNotContain(example.rule());
            return;
        }
        assertThat(ids(CATALOGUE.assess(example.type(), RuleExamples.ACCOUNT, failing, failing, changed(example))))
                .doesNotContain(example.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aDriftBackToAPassingValueIsShownAsAFix(Example example) {
        if (example.failing() == null) {
            return; // a resource cannot come back from the dead by drift: that is UNMANAGED
        }
        assertThat(CATALOGUE.assess(example.type(), RuleExamples.ACCOUNT, example.failing(), example.passing(),
                changed(example)))
                .filteredOn(risk -> risk.rule().equals(example.rule()))
                .singleElement()
                .extracting(Risk::effect).isEqualTo(Risk.Effect.FIXED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void anUnmanagedResourceIsJudgedOnItsLiveValue(Example example) {
        if (example.failing() == null) {
            return;
        }
        List<String> found = ids(CATALOGUE.assess(example.type(), RuleExamples.ACCOUNT, null, example.failing(), null));
        if (CATALOGUE.rule(example.rule()).onlyAsChange()) {
            assertThat(found).as("something taken away needs the state's value to be taken from")
                    .doesNotContain(example.rule());
        } else {
            assertThat(found).contains(example.rule());
        }
    }

    @Test
    void aChangedFindingIsJudgedOnlyOnRulesReadingAnAttributeThatDiffers() {
        Example ssh = RuleExamples.all().get("DD-SG-001");
        // the ingress differs, but the operator ignored it (.driftignore): only tags are left as differences
        assertThat(CATALOGUE.assess(ssh.type(), RuleExamples.ACCOUNT, ssh.passing(), ssh.failing(), Set.of("tags")))
                .isEmpty();
    }

    @Test
    void attributesTheCollectorDoesNotListAreTakenFromTheState() {
        // a managed aws_security_group_rule lists only its description live: the rest is its identity, as in state
        Map<String, Object> state = Map.of("type", "ingress", "protocol", "tcp", "from_port", 22, "to_port", 22,
                "cidr_blocks", List.of("0.0.0.0/0"), "description", "old");
        assertThat(CATALOGUE.assess("aws_security_group_rule", RuleExamples.ACCOUNT, state,
                Map.of("description", "new"), Set.of("description"))).isEmpty();
        assertThat(ids(CATALOGUE.assess("aws_security_group_rule", RuleExamples.ACCOUNT, null, state, null)))
                .contains("DD-SG-001");
    }

    @Test
    void theV5IngressRuleStyleIsReadToo() {
        Map<String, Object> open = Map.of("ip_protocol", "tcp", "from_port", 3306, "to_port", 3306,
                "cidr_ipv4", "0.0.0.0/0");
        Map<String, Object> closed = Map.of("ip_protocol", "tcp", "from_port", 3306, "to_port", 3306,
                "cidr_ipv4", "10.0.0.0/8");
        assertThat(ids(CATALOGUE.assess("aws_vpc_security_group_ingress_rule", RuleExamples.ACCOUNT, closed, open,
                Set.of("cidr_ipv4")))).containsExactly("DD-SG-005");
    }

    @Test
    void introducedRisksComeFirstWorstFirst() {
        Map<String, Object> before = Map.of("ingress", List.of(RuleExamples.rule("tcp", 22, 22, "0.0.0.0/0", null)));
        Map<String, Object> after = Map.of("ingress", List.of(RuleExamples.rule("-1", 0, 0, "0.0.0.0/0", null)));
        List<Risk> risks = CATALOGUE.assess("aws_security_group", RuleExamples.ACCOUNT, before, after, Set.of("ingress"));
        // port 22 was already open: only what the drift added counts (and 22 is not reported again)
        assertThat(ids(risks)).containsExactly("DD-SG-004", "DD-SG-002");
        assertThat(RiskCatalogue.highest(risks)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void ruleIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        CATALOGUE.rules().forEach(rule -> assertThat(ids.add(rule.id())).as(rule.id()).isTrue());
    }

    private static Set<String> changed(Example example) {
        return example.failing() == null ? null : CATALOGUE.rule(example.rule()).reads();
    }

    private static List<String> ids(List<Risk> risks) {
        return risks.stream().map(Risk::rule).toList();
    }
}
