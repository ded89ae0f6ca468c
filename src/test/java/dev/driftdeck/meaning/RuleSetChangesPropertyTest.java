package dev.driftdeck.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.CanonicalJson;
import dev.driftdeck.drift.DiffKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random rule-set changes, seeded (a failure names its seed and case): the summary accounts for every element added
 * and every element removed, one line each, and says nothing about the elements both sides share. An element of a
 * security group rule is one source of one (protocol, ports, description), as AWS keeps them.
 */
class RuleSetChangesPropertyTest {

    private static final long SEED = 20261206L;
    private static final int CASES = 3000;
    private static final List<String> SOURCES = List.of("0.0.0.0/0", "10.0.0.0/8", "192.168.1.0/24", "sg-0a1", "sg-0b2", "pl-63");
    private static final List<String> DESCRIPTIONS = List.of("", "", "ssh", "web");

    /** One source of one rule: what the property counts. */
    private record Atom(String protocol, int from, int to, String description, String source) {
    }

    @Test
    void securityGroupRuleSummariesAccountForEveryAddedAndRemovedSource() {
        Random random = new Random(SEED);
        for (int n = 0; n < CASES; n++) {
            List<Map<String, Object>> state = rules(random);
            List<Map<String, Object>> live = mutate(random, state);
            String direction = random.nextBoolean() ? "ingress" : "egress";
            Set<Atom> before = atoms(state);
            Set<Atom> after = atoms(live);
            if (before.equals(after)) {
                continue;
            }
            List<ChangeLine> lines = ChangeSummaries.of("aws_security_group", new AttributeDiff(List.of(direction),
                    state.isEmpty() ? null : CanonicalJson.render(state), live.isEmpty() ? null : CanonicalJson.render(live),
                    DiffKind.CHANGED)).lines();
            String context = "seed " + SEED + " case " + n + ": " + state + " -> " + live + " gave " + lines;

            Set<Atom> added = new LinkedHashSet<>(after);
            added.removeAll(before);
            Set<Atom> removed = new LinkedHashSet<>(before);
            removed.removeAll(after);
            List<String> plus = texts(lines, ChangeLine.Sign.ADDED);
            List<String> minus = texts(lines, ChangeLine.Sign.REMOVED);
            assertThat(plus).as(context).hasSize(added.size());
            assertThat(minus).as(context).hasSize(removed.size());
            assertThat(lines).as(context).hasSize(added.size() + removed.size());
            for (Atom atom : added) {
                assertThat(plus).as(context).anyMatch(line -> names(line, direction + " added: ", atom, direction));
            }
            for (Atom atom : removed) {
                assertThat(minus).as(context).anyMatch(line -> names(line, direction + " removed: ", atom, direction));
            }
        }
    }

    @Test
    void listsOfIdsAccountForEveryAddedAndRemovedId() {
        Random random = new Random(SEED);
        for (int n = 0; n < CASES; n++) {
            Set<String> before = ids(random);
            Set<String> after = ids(random);
            if (before.equals(after)) {
                continue;
            }
            List<ChangeLine> lines = ChangeSummaries.of("aws_instance", new AttributeDiff(List.of("vpc_security_group_ids"),
                    before.isEmpty() ? null : CanonicalJson.render(List.copyOf(before)),
                    after.isEmpty() ? null : CanonicalJson.render(List.copyOf(after)), DiffKind.CHANGED)).lines();
            String context = "seed " + SEED + " case " + n + ": " + before + " -> " + after + " gave " + lines;

            List<String> expected = new ArrayList<>();
            before.stream().filter(id -> !after.contains(id)).forEach(id -> expected.add("- vpc_security_group_ids removed: " + id));
            after.stream().filter(id -> !before.contains(id)).forEach(id -> expected.add("+ vpc_security_group_ids added: " + id));
            assertThat(lines.stream().map(ChangeLine::marked).toList()).as(context).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static boolean names(String line, String prefix, Atom atom, String direction) {
        String ports = atom.from() == atom.to() ? String.valueOf(atom.from()) : atom.from() + "-" + atom.to();
        String expected = prefix + atom.protocol() + " " + ports + (direction.equals("ingress") ? " from " : " to ")
                + atom.source() + (atom.description().isEmpty() ? "" : " \"" + atom.description() + "\"");
        return line.equals(expected);
    }

    private static List<String> texts(List<ChangeLine> lines, ChangeLine.Sign sign) {
        return lines.stream().filter(line -> line.sign() == sign).map(ChangeLine::text).toList();
    }

    private static List<Map<String, Object>> rules(Random random) {
        List<Map<String, Object>> rules = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            rules.add(rule(random));
        }
        return rules;
    }

    private static Map<String, Object> rule(Random random) {
        int from = List.of(22, 80, 443, 1000, 5432).get(random.nextInt(5));
        int to = random.nextInt(4) == 0 ? from + 1000 : from;
        List<String> cidrs = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> prefixLists = new ArrayList<>();
        for (String source : SOURCES) {
            if (random.nextInt(4) == 0) {
                (source.startsWith("sg-") ? groups : source.startsWith("pl-") ? prefixLists : cidrs).add(source);
            }
        }
        if (cidrs.isEmpty() && groups.isEmpty() && prefixLists.isEmpty()) {
            cidrs.add(SOURCES.get(random.nextInt(3)));
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("protocol", random.nextBoolean() ? "tcp" : "udp");
        rule.put("from_port", from);
        rule.put("to_port", to);
        rule.put("cidr_blocks", cidrs);
        rule.put("security_groups", groups);
        rule.put("prefix_list_ids", prefixLists);
        rule.put("description", DESCRIPTIONS.get(random.nextInt(DESCRIPTIONS.size())));
        return rule;
    }

    /** Live: some rules gone, some new, some with a source more or less (AWS merges sources into one permission). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mutate(Random random, List<Map<String, Object>> state) {
        List<Map<String, Object>> live = new ArrayList<>();
        for (Map<String, Object> rule : state) {
            int roll = random.nextInt(6);
            if (roll == 0) {
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>(rule);
            if (roll == 1) {
                List<String> cidrs = new ArrayList<>((List<String>) copy.get("cidr_blocks"));
                String extra = SOURCES.get(random.nextInt(3));
                if (!cidrs.remove(extra)) {
                    cidrs.add(extra);
                }
                copy.put("cidr_blocks", cidrs);
                if (atoms(List.of(copy)).isEmpty()) {
                    // Its last source revoked: AWS has no rule without a source, the rule is gone.
                    continue;
                }
            }
            live.add(copy);
        }
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            live.add(rule(random));
        }
        return live;
    }

    @SuppressWarnings("unchecked")
    private static Set<Atom> atoms(List<Map<String, Object>> rules) {
        Set<Atom> atoms = new LinkedHashSet<>();
        for (Map<String, Object> rule : rules) {
            for (String key : List.of("cidr_blocks", "security_groups", "prefix_list_ids")) {
                for (String source : (List<String>) rule.get(key)) {
                    atoms.add(new Atom((String) rule.get("protocol"), (int) rule.get("from_port"), (int) rule.get("to_port"),
                            (String) rule.get("description"), source));
                }
            }
        }
        return atoms;
    }

    private static Set<String> ids(Random random) {
        Set<String> ids = new LinkedHashSet<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            ids.add("sg-" + Integer.toHexString(random.nextInt(12)));
        }
        return ids;
    }
}
