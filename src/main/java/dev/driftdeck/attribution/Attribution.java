package dev.driftdeck.attribution;

import java.util.List;

/**
 * The result of attributing a list of targets.
 *
 * @param changedBy one per target, in the targets' order
 * @param problems  each account and region whose source failed, once
 */
public record Attribution(List<ChangedBy> changedBy, List<AccessProblem> problems) {

    public Attribution {
        changedBy = List.copyOf(changedBy);
        problems = List.copyOf(problems);
    }
}
