package dev.driftdeck.app;

import dev.driftdeck.store.ChangeStamp;
import dev.driftdeck.store.IgnoreRuleRepository;
import dev.driftdeck.ui.ignore.IgnoreRulesServices;
import java.util.List;
import java.util.Map;

/** The Ignore rules page's port over the database's rules: shared by the team, each change recorded. */
public final class DatabaseIgnoreRules implements IgnoreRulesServices {

    private final IgnoreRuleRepository rules;

    /** @param rules the repository the console edits through, with the console's operator as author */
    public DatabaseIgnoreRules(IgnoreRuleRepository rules) {
        this.rules = rules;
    }

    @Override
    public String location() {
        return rules.location();
    }

    @Override
    public List<String> lines() {
        return rules.lines();
    }

    @Override
    public void write(List<String> lines) {
        rules.write(lines);
    }

    @Override
    public int append(List<String> lines) {
        return rules.append(lines);
    }

    @Override
    public Map<String, ChangeStamp> lastChanges() {
        return rules.lastChanges();
    }
}
