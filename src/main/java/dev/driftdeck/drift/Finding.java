package dev.driftdeck.drift;

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
        String note) {

    public Finding {
        diffs = List.copyOf(diffs);
    }

    public ResourceKey key() {
        return new ResourceKey(type, id);
    }
}
