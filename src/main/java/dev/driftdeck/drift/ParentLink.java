package dev.driftdeck.drift;

/**
 * Ties a separate-style resource type to the parent that can hold the same configuration inline (an
 * {@code aws_security_group_rule} to its {@code aws_security_group}, an {@code aws_route} to its
 * {@code aws_route_table}, an {@code aws_s3_bucket_policy} to its {@code aws_s3_bucket}).
 *
 * <p>The rule: a live resource of such a type that no state manages is UNMANAGED only when its parent is not
 * managed either. When the parent is managed, the configuration belongs to it (inline style, or a Computed
 * attribute Terraform refreshes), and any drift shows on the parent's compared inline attribute instead of as a
 * false "unmanaged" finding.
 *
 * <p>Terraform also refreshes the parent's own copy of some of these ({@code aws_s3_bucket.versioning} beside an
 * {@code aws_s3_bucket_versioning}), so {@code terraform plan -refresh-only} reports one change on both addresses.
 * Driftdeck reports it once, on the separate resource, and names the parent's address and attribute in the
 * finding's note ({@link #shownAs}), so "which of my addresses drifted" has the same answer.
 *
 * @param type        the parent's Terraform type
 * @param idAttribute the live attribute holding the parent's match id (e.g. {@code security_group_id})
 * @param shownAs     the parent's attribute that mirrors this resource's configuration, or null when it has none
 * @param owns        whether a live object of this type under a managed parent is the parent's business (never
 *                    UNMANAGED); false for a parent that only mirrors it
 */
public record ParentLink(String type, String idAttribute, String shownAs, boolean owns) {

    public ParentLink(String type, String idAttribute) {
        this(type, idAttribute, null, true);
    }

    public ParentLink(String type, String idAttribute, String shownAs) {
        this(type, idAttribute, shownAs, true);
    }

    /**
     * A parent that only mirrors this type in one of its attributes ({@code aws_iam_role.managed_policy_arns} beside
     * {@code aws_iam_role_policy_attachment}): named in the notes, never owning the type's unmanaged objects.
     */
    public static ParentLink mirroredOn(String type, String idAttribute, String shownAs) {
        return new ParentLink(type, idAttribute, shownAs, false);
    }

    /** The note of a CHANGED or MISSING finding whose parent at {@code parentAddress} shows the same change. */
    public String alsoShownNote(String parentAddress) {
        return "terraform plan -refresh-only also reports this change on " + parentAddress + " (" + shownAs + ")";
    }
}
