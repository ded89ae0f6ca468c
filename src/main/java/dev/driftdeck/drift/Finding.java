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
 * @param notInState compared attributes the state holds no value for (the key is absent: an older provider, a
 *                hand-written state), so they were not compared; empty when every compared attribute was there.
 *                An attribute present with {@code null} is a value ("not set") and is compared.
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
        List<String> notInState) {

    public Finding {
        diffs = List.copyOf(diffs);
        notInState = List.copyOf(notInState);
    }

    /** A finding whose compared attributes were all in the state (or that was not compared at all). */
    public Finding(FindingStatus status, String type, String id, String address, String account, String region,
                   String source, List<AttributeDiff> diffs, String note) {
        this(status, type, id, address, account, region, source, diffs, note, List.of());
    }

    public ResourceKey key() {
        return new ResourceKey(type, id);
    }
}
