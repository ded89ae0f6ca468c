package dev.driftdeck.drift;

import dev.driftdeck.attribution.ChangedBy;
import dev.driftdeck.risk.Risk;
import dev.driftdeck.risk.Severity;
import java.util.List;

/**
 * One resource in one scan.
 *
 * @param status  the finding's status
 * @param type    Terraform resource type
 * @param id      the id as Terraform writes it
 * @param address full Terraform address when managed, else null
 * @param account AWS account id when known, else null
 * @param region  region ({@code global} for global types) when known, else null
 * @param source  the state source URI when managed, else null
 * @param diffs   attribute differences (only for CHANGED, otherwise empty)
 * @param note    why the finding has this status when that is not obvious
 *                (NOT_CHECKED reason, the ignore rule that matched...), else null
 * @param notInState compared attributes the state holds no value for (the key is absent: an older provider, a
 *                hand-written state), so they were not compared; empty when every compared attribute was there.
 *                An attribute present with {@code null} is a value ("not set") and is compared.
 * @param severity how much the drift matters ({@link FindingSeverity}); {@code null} when there is no drift
 *                (IN_SYNC, IGNORED, NOT_CHECKED)
 * @param risks   the catalogue rules the drift introduced or fixed, introduced first and worst first; empty when none
 * @param importTarget for UNMANAGED, how Terraform imports it (import id or why not, a suggested name); null for
 *                other statuses, and for scans stored before Driftdeck worked it out
 * @param changedBy who changed the resource, from CloudTrail ({@link ChangedBy#notLookedUp()} unless attributed)
 */
public record Finding(
        FindingStatus status,
        String type,
        String id,
        String address,
        String account,
        String region,
        String source,
        List<AttributeDiff> diffs,
        String note,
        List<String> notInState,
        Severity severity,
        List<Risk> risks,
        ImportTarget importTarget,
        ChangedBy changedBy) {

    public Finding {
        diffs = List.copyOf(diffs);
        notInState = List.copyOf(notInState);
        risks = List.copyOf(risks);
        changedBy = changedBy == null ? ChangedBy.notLookedUp() : changedBy;
    }

    /** A finding nobody attributed (yet): see {@link #withChangedBy(ChangedBy)}. */
    public Finding(FindingStatus status, String type, String id, String address, String account, String region,
                   String source, List<AttributeDiff> diffs, String note, List<String> notInState, Severity severity,
                   List<Risk> risks, ImportTarget importTarget) {
        this(status, type, id, address, account, region, source, diffs, note, notInState, severity, risks,
                importTarget, ChangedBy.notLookedUp());
    }

    /** A finding without an import target (every status but UNMANAGED, and scans stored before it existed). */
    public Finding(FindingStatus status, String type, String id, String address, String account, String region,
                   String source, List<AttributeDiff> diffs, String note, List<String> notInState, Severity severity,
                   List<Risk> risks, ChangedBy changedBy) {
        this(status, type, id, address, account, region, source, diffs, note, notInState, severity, risks,
                (ImportTarget) null, changedBy);
    }

    /** A finding without an import target, nobody attributed (yet). */
    public Finding(FindingStatus status, String type, String id, String address, String account, String region,
                   String source, List<AttributeDiff> diffs, String note, List<String> notInState, Severity severity,
                   List<Risk> risks) {
        this(status, type, id, address, account, region, source, diffs, note, notInState, severity, risks,
                (ImportTarget) null, ChangedBy.notLookedUp());
    }

    /** A finding no rule was evaluated on: its severity is the default for its status and type. */
    public Finding(FindingStatus status, String type, String id, String address, String account, String region,
                   String source, List<AttributeDiff> diffs, String note, List<String> notInState) {
        this(status, type, id, address, account, region, source, diffs, note, notInState,
                FindingSeverity.of(status, type, diffs, List.of()), List.of());
    }

    /** A finding whose compared attributes were all in the state (or that was not compared at all). */
    public Finding(FindingStatus status, String type, String id, String address, String account, String region,
                   String source, List<AttributeDiff> diffs, String note) {
        this(status, type, id, address, account, region, source, diffs, note, List.of());
    }

    /** This finding with the risks its drift introduced or fixed, and the severity they give it. */
    public Finding withRisks(List<Risk> found) {
        return new Finding(status, type, id, address, account, region, source, diffs, note, notInState,
                FindingSeverity.of(status, type, diffs, found), found, importTarget, changedBy);
    }

    /** This finding with how Terraform imports it. */
    public Finding withImportTarget(ImportTarget target) {
        return new Finding(status, type, id, address, account, region, source, diffs, note, notInState, severity,
                risks, target, changedBy);
    }

    /** This finding with who changed its resource. */
    public Finding withChangedBy(ChangedBy attributed) {
        return new Finding(status, type, id, address, account, region, source, diffs, note, notInState, severity,
                risks, importTarget, attributed);
    }

    /** Whether this is drift (CHANGED, MISSING, UNMANAGED) at {@code floor} or more severe. */
    public boolean driftAtLeast(Severity floor) {
        return severity != null && severity.atLeast(floor);
    }

    public ResourceKey key() {
        return new ResourceKey(type, id);
    }
}
