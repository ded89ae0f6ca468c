package dev.driftdeck.drift;

import dev.driftdeck.risk.RiskCatalogue;
import dev.driftdeck.state.StateResource;
import dev.driftdeck.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Matches state resources to live ones by (type, id) and turns every resource into one {@link Finding}.
 * The one rule it never bends: a resource is MISSING only when every listing that could hold it succeeded.
 */
public final class Reconciler {

    private final Map<String, TypeSpec> specs;
    // ordinary type -> the aws_default_* type that adopts the same AWS objects (aws_vpc -> aws_default_vpc)
    private final Map<String, String> adoptedBy;

    public Reconciler(List<TypeSpec> specs) {
        this.specs = specs.stream().collect(Collectors.toUnmodifiableMap(TypeSpec::type, Function.identity()));
        this.adoptedBy = specs.stream().filter(spec -> spec.adopts() != null)
                .collect(Collectors.toUnmodifiableMap(TypeSpec::adopts, TypeSpec::type));
    }

    public Reconciliation reconcile(List<StateSnapshot> states, LiveInventory inventory, IgnoreRules ignore) {
        LiveIndex live = LiveIndex.of(inventory);
        List<Finding> findings = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>(live.alerts());
        Map<ResourceKey, StateResource> managed = new LinkedHashMap<>();

        for (StateSnapshot state : states) {
            for (StateResource resource : state.resources()) {
                // an alias (aws_alb) is keyed as its canonical type, whose listing holds the object
                ResourceKey key = new ResourceKey(listedAs(resource.type()), matchId(resource));
                StateResource first = managed.putIfAbsent(key, resource);
                if (first != null) {
                    alerts.add(new Alert(resource.type(), null, null, "%s %s is managed twice: %s (%s) and %s (%s)"
                            .formatted(resource.type(), key.id(), first.address(), first.sourceUri(),
                                    resource.address(), resource.sourceUri()), null));
                    continue;
                }
                findings.add(judgeManaged(resource, key, live, ignore));
            }
        }
        nameParentsShowingTheSameChange(findings, managed);
        for (LiveResource resource : live.all()) {
            if (!managedAsEither(resource.key(), managed.keySet()) && !listedAsAdopter(resource.key(), live)
                    && !ownedByManagedParent(resource, managed.keySet())) {
                findings.add(unmanaged(resource, ignore));
            }
        }
        alerts.addAll(unsupportedTypeAlerts(managed.keySet()));
        ignore.problems().forEach(problem -> alerts.add(new Alert(null, null, null, problem, null)));
        return new Reconciliation(findings, alerts);
    }

    /**
     * Every managed resource of the states by type, then by match id, with its state attributes: what collectors
     * use to fetch details only for managed resources and to rebuild ids Terraform generates.
     */
    public Map<String, Map<String, Map<String, Object>>> managedByType(List<StateSnapshot> states) {
        Map<String, Map<String, Map<String, Object>>> byType = new HashMap<>();
        for (StateSnapshot state : states) {
            for (StateResource resource : state.resources()) {
                byType.computeIfAbsent(listedAs(resource.type()), t -> new HashMap<>())
                        .putIfAbsent(matchId(resource), resource.attributes());
            }
        }
        return byType;
    }

    /** The type whose listing holds objects of {@code type}: the canonical type of an alias, else itself. */
    private String listedAs(String type) {
        TypeSpec spec = specs.get(type);
        return spec == null ? type : spec.listedAs();
    }

    /** The id the match uses: Terraform's {@code id}, or the attributes the type names when that id is generated. */
    public String matchId(StateResource resource) {
        TypeSpec spec = specs.get(resource.type());
        if (spec == null || spec.idFrom().isEmpty()) {
            return resource.id();
        }
        return spec.idFrom().stream()
                .map(name -> String.valueOf(resource.attributes().get(name)))
                .collect(Collectors.joining("/"));
    }

    private Finding judgeManaged(StateResource resource, ResourceKey key, LiveIndex live, IgnoreRules ignore) {
        var rule = ignore.ignoring(resource.type(), key.id());
        if (rule.isPresent()) {
            return managedFinding(FindingStatus.IGNORED, resource, key, null, List.of(),
                    "ignored by rule '" + rule.get().text() + "'");
        }
        TypeSpec spec = specs.get(resource.type());
        if (spec == null) {
            return managedFinding(FindingStatus.NOT_CHECKED, resource, key, null, List.of(),
                    resource.type() + " is not supported by this Driftdeck yet");
        }
        LiveResource match = live.find(key);
        if (match != null) {
            AttributeComparator.Comparison comparison =
                    AttributeComparator.compare(spec, resource.attributes(), match.attributes());
            List<AttributeDiff> diffs = comparison.diffs().stream()
                    .filter(diff -> !ignore.ignoresAttribute(resource.type(), key.id(), diff.path()))
                    .toList();
            Finding finding = managedFinding(diffs.isEmpty() ? FindingStatus.IN_SYNC : FindingStatus.CHANGED,
                    resource, key, match, diffs, null, comparison.notInState());
            return diffs.isEmpty() ? finding : finding.withRisks(RiskCatalogue.standard().assess(key.type(),
                    finding.account(), resource.attributes(), match.attributes(),
                    FindingSeverity.changedAttributes(diffs)));
        }
        Placement placement = Placement.of(resource.attributes());
        List<ListingOutcome> candidates = live.outcomesFor(key.type()).stream()
                .filter(outcome -> placement.couldBeIn(outcome.scope()))
                .toList();
        if (candidates.isEmpty()) {
            return managedFinding(FindingStatus.NOT_CHECKED, resource, key, null, List.of(),
                    "no listing of " + key.type() + " covered "
                            + (placement.region() == null ? "it" : "region " + placement.region()) + " in this scan");
        }
        for (ListingOutcome outcome : candidates) {
            if (outcome instanceof ListingOutcome.Failed failed) {
                return managedFinding(FindingStatus.NOT_CHECKED, resource, key, null, List.of(),
                        "listing failed in " + failed.scope().account() + "/" + failed.scope().region() + ": "
                                + failed.reason());
            }
        }
        ListingScope where = candidates.size() == 1 ? candidates.getFirst().scope() : null;
        String account = where == null ? placement.account() : where.account();
        return new Finding(FindingStatus.MISSING, resource.type(), key.id(), resource.address(), account,
                where == null ? placement.region() : where.region(), resource.sourceUri(), List.of(), null)
                .withRisks(RiskCatalogue.standard().assess(key.type(), account, resource.attributes(), null, null));
    }

    /**
     * See {@link ParentLink#shownAs}: a CHANGED or MISSING separate resource names its managed parent's mirroring
     * attribute. The parent is found by its key or, where the key is another id than the state's (a queue keyed by
     * ARN, its policy naming the queue URL), by its state id.
     */
    private void nameParentsShowingTheSameChange(List<Finding> findings, Map<ResourceKey, StateResource> managed) {
        Map<String, StateResource> byAddress = new HashMap<>();
        managed.values().forEach(resource -> byAddress.putIfAbsent(resource.address(), resource));
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            TypeSpec spec = specs.get(finding.type());
            boolean changedOrGone = finding.status() == FindingStatus.CHANGED || finding.status() == FindingStatus.MISSING;
            if (!changedOrGone || spec == null || spec.parent() == null
                    || spec.parent().shownAs() == null || finding.note() != null) {
                continue;
            }
            StateResource resource = byAddress.get(finding.address());
            Object parentId = resource == null ? null : resource.attributes().get(spec.parent().idAttribute());
            StateResource parent = parentId == null ? null : managedParent(managed, spec.parent().type(), String.valueOf(parentId));
            if (parent != null && parent.attributes().containsKey(spec.parent().shownAs())) {
                findings.set(i, new Finding(finding.status(), finding.type(), finding.id(), finding.address(),
                        finding.account(), finding.region(), finding.source(), finding.diffs(),
                        spec.parent().alsoShownNote(parent.address()), finding.notInState(), finding.severity(),
                        finding.risks()));
            }
        }
    }

    private static StateResource managedParent(Map<ResourceKey, StateResource> managed, String type, String id) {
        StateResource byKey = managed.get(new ResourceKey(type, id));
        if (byKey != null) {
            return byKey;
        }
        return managed.values().stream()
                .filter(resource -> resource.type().equals(type) && id.equals(String.valueOf(resource.attributes().get("id"))))
                .findFirst().orElse(null);
    }

    /** See {@link ParentLink}: a separate-style resource whose parent state manages is the parent's business. */
    private boolean ownedByManagedParent(LiveResource resource, Set<ResourceKey> managed) {
        TypeSpec spec = specs.get(resource.type());
        if (spec == null || spec.parent() == null || !spec.parent().owns()) {
            return false;
        }
        Object parentId = resource.attributes().get(spec.parent().idAttribute());
        return parentId != null
                && managedAsEither(new ResourceKey(spec.parent().type(), String.valueOf(parentId)), managed);
    }

    /** Managed under this key, or under its adoption twin (see {@link TypeSpec#adopts}). */
    private boolean managedAsEither(ResourceKey key, Set<ResourceKey> managed) {
        if (managed.contains(key)) {
            return true;
        }
        ResourceKey twin = adoptionTwin(key);
        return twin != null && managed.contains(twin);
    }

    /** An object of an adopted type that the adopting type's listing also holds: reported once, as the adopter. */
    private boolean listedAsAdopter(ResourceKey key, LiveIndex live) {
        String adopter = adoptedBy.get(key.type());
        return adopter != null && live.find(new ResourceKey(adopter, key.id())) != null;
    }

    private ResourceKey adoptionTwin(ResourceKey key) {
        TypeSpec spec = specs.get(key.type());
        if (spec != null && spec.adopts() != null) {
            return new ResourceKey(spec.adopts(), key.id());
        }
        String adopter = adoptedBy.get(key.type());
        return adopter == null ? null : new ResourceKey(adopter, key.id());
    }

    private static Finding managedFinding(FindingStatus status, StateResource resource, ResourceKey key,
                                          LiveResource match, List<AttributeDiff> diffs, String note) {
        return managedFinding(status, resource, key, match, diffs, note, List.of());
    }

    private static Finding managedFinding(FindingStatus status, StateResource resource, ResourceKey key,
                                          LiveResource match, List<AttributeDiff> diffs, String note,
                                          List<String> notInState) {
        Placement placement = Placement.of(resource.attributes());
        String account = match != null ? match.account() : placement.account();
        String region = match != null ? match.region() : placement.region();
        // the state's own type, an alias included: the finding reads as the state does
        return new Finding(status, resource.type(), key.id(), resource.address(), account, region,
                resource.sourceUri(), diffs, note, notInState);
    }

    private Finding unmanaged(LiveResource resource, IgnoreRules ignore) {
        var rule = ignore.ignoring(resource.type(), resource.id());
        if (rule.isPresent()) {
            return new Finding(FindingStatus.IGNORED, resource.type(), resource.id(), null, resource.account(),
                    resource.region(), null, List.of(), "ignored by rule '" + rule.get().text() + "'");
        }
        // judged on its live value alone: an unmanaged user with AdministratorAccess is as bad as a managed one
        return new Finding(FindingStatus.UNMANAGED, resource.type(), resource.id(), null, resource.account(),
                resource.region(), null, List.of(), null)
                .withRisks(RiskCatalogue.standard().assess(resource.type(), resource.account(), null,
                        resource.attributes(), null))
                .withImportTarget(importTarget(resource));
    }

    /** Worked out now: some import ids need live attributes that the stored finding does not keep. */
    private ImportTarget importTarget(LiveResource resource) {
        TypeSpec spec = specs.get(resource.type());
        return spec == null || spec.importTarget() == null ? null : spec.importTarget().apply(resource);
    }

    private List<Alert> unsupportedTypeAlerts(Set<ResourceKey> managed) {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ResourceKey key : managed) {
            if (!specs.containsKey(key.type())) {
                counts.merge(key.type(), 1, Integer::sum);
                seen.add(key.type());
            }
        }
        return seen.stream().sorted()
                .map(type -> new Alert(type, null, null, "%d %s resource(s) in state were not checked: Driftdeck does not support %s yet"
                        .formatted(counts.get(type), type, type), null))
                .toList();
    }
}
