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
 * @param type        the parent's Terraform type
 * @param idAttribute the live attribute holding the parent's match id (e.g. {@code security_group_id})
 */
public record ParentLink(String type, String idAttribute) {
}
