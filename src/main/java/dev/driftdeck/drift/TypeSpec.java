package dev.driftdeck.drift;

import java.util.List;
import java.util.function.Function;

/**
 * What the drift engine needs to know about one supported resource type.
 *
 * @param type     Terraform resource type, e.g. {@code aws_iam_role_policy_attachment}
 * @param idFrom   state attributes whose values, joined with {@code /}, form the match id when Terraform's own
 *                 {@code id} is not the resource's identity (e.g. {@code ["role", "policy_arn"]} for a role
 *                 policy attachment, whose state id is a generated unique name). Empty: match on {@code id}.
 *                 Collectors build their {@link LiveResource#id()} the same way.
 * @param compared the compared attributes; every attribute not listed is not compared
 *                 (volatile, or not mapped by the collector)
 * @param parent   for a "separate style" type that Terraform can also manage inline in its parent (security group
 *                 rules, routes, S3 bucket sub-configurations), the parent; null otherwise. See {@link ParentLink}.
 * @param adopts   for a type that adopts an object AWS creates itself ({@code aws_default_vpc}), the ordinary type
 *                 whose listing can hold the same object under the same id ({@code aws_vpc}); null otherwise. The
 *                 two are one object to the reconciler: managed as either, it is never UNMANAGED as the other,
 *                 and unmanaged it is reported once, as the adopting type.
 * @param aliasOf  for another name the provider gives a type ({@code aws_alb} for {@code aws_lb}), that canonical
 *                 type; null otherwise. An alias has no listing of its own: a state resource of it is matched
 *                 against the canonical type's listing, compared by the same rules, and keeps its own type in the
 *                 finding; an unmanaged object is reported once, under the canonical type. See {@link #alias}.
 * @param importTarget how Terraform imports a live object of this type (the import id, a suggested name), applied
 *                 to each UNMANAGED one; null for a spec declared outside the collectors (tests), whose unmanaged
 *                 findings then carry no import target
 */
public record TypeSpec(String type, List<String> idFrom, List<AttributeRule> compared, ParentLink parent,
                       String adopts, String aliasOf, Function<LiveResource, ImportTarget> importTarget) {

    public TypeSpec {
        idFrom = List.copyOf(idFrom);
        compared = List.copyOf(compared);
    }

    public TypeSpec(String type, List<String> idFrom, List<AttributeRule> compared, ParentLink parent,
                    String adopts) {
        this(type, idFrom, compared, parent, adopts, null, null);
    }

    public TypeSpec(String type, List<String> idFrom, List<AttributeRule> compared, ParentLink parent,
                    String adopts, String aliasOf) {
        this(type, idFrom, compared, parent, adopts, aliasOf, null);
    }

    public TypeSpec(String type, List<String> idFrom, List<AttributeRule> compared, ParentLink parent) {
        this(type, idFrom, compared, parent, null, null, null);
    }

    public TypeSpec(String type, List<String> idFrom, List<AttributeRule> compared) {
        this(type, idFrom, compared, null, null, null, null);
    }

    /** This type under another name the provider accepts: the same match id and compared attributes. */
    public TypeSpec alias(String aliasType) {
        return new TypeSpec(aliasType, idFrom, compared, parent, null, type, importTarget);
    }

    /** The type whose listing holds this type's objects: itself, or the type it is an alias of. */
    public String listedAs() {
        return aliasOf == null ? type : aliasOf;
    }
}
