package dev.driftdeck.aws;

import dev.driftdeck.drift.AttributeRule;
import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.drift.Normalization;
import dev.driftdeck.drift.ParentLink;
import dev.driftdeck.drift.TypeSpec;
import dev.driftdeck.remediation.ImportId;
import java.util.ArrayList;
import java.util.List;

/**
 * A collector declared as data: the type's spec, where it is listed, the IAM actions it needs, and the one piece
 * of code that differs per type, its {@link Lister}. Families declare theirs with {@link #regional}/{@link #global}:
 *
 * <pre>{@code
 * CollectorDefinition.regional("aws_vpc").actions("ec2:DescribeVpcs")
 *         .compare("cidr_block", STRING).compare("tags", TAGS)
 *         .listedBy(ctx -> ...);
 * }</pre>
 *
 * @param scope      regional types are listed once per region, global ones once per account
 * @param iamActions every IAM action the lister may call, the scan's least-privilege policy is built from these
 * @param notCompared the provider's arguments deliberately left out of the comparison, each with its reason
 * @param importId   how Terraform imports the type's objects (docs/remediation.md): declared for every type
 */
public record CollectorDefinition(TypeSpec spec, Scope scope, String service, List<String> iamActions,
                                  List<NotCompared> notCompared, ImportId importId, Lister lister) implements Collector {

    public enum Scope { REGIONAL, GLOBAL }

    /** The per-type listing code: lists the scope completely or throws. */
    @FunctionalInterface
    public interface Lister {
        List<LiveResource> list(CollectorContext ctx);
    }

    public CollectorDefinition {
        iamActions = List.copyOf(iamActions);
        notCompared = List.copyOf(notCompared);
        if (iamActions.isEmpty()) {
            throw new IllegalArgumentException(spec.type() + " declares no IAM action");
        }
        if (importId == null) {
            throw new IllegalArgumentException(spec.type() + " declares no import id: add .importId(ImportIds...) with"
                    + " the provider's Import syntax, or ImportIds.notImportable(reason)");
        }
    }

    @Override
    public String type() {
        return spec.type();
    }

    @Override
    public boolean global() {
        return scope == Scope.GLOBAL;
    }

    @Override
    public List<LiveResource> list(CollectorContext ctx) {
        return lister.list(ctx);
    }

    static Builder regional(String type) {
        return new Builder(type, Scope.REGIONAL);
    }

    static Builder global(String type) {
        return new Builder(type, Scope.GLOBAL);
    }

    /** Collects the declaration of one type; {@link #listedBy} finishes it. */
    static final class Builder {
        private final String type;
        private final Scope scope;
        private final List<String> actions = new ArrayList<>();
        private final List<String> idFrom = new ArrayList<>();
        private final List<AttributeRule> compared = new ArrayList<>();
        private final List<NotCompared> notCompared = new ArrayList<>();
        private ParentLink parent;
        private String adopts;
        private ImportId importId;

        private Builder(String type, Scope scope) {
            this.type = type;
            this.scope = scope;
        }

        /** The IAM actions the lister calls, first the listing one (named when a failure cannot be pinned). */
        Builder actions(String... iamActions) {
            actions.addAll(List.of(iamActions));
            return this;
        }

        /** The state attributes that form the match id, when Terraform's id is generated. */
        Builder idFrom(String... attributes) {
            idFrom.addAll(List.of(attributes));
            return this;
        }

        Builder compare(String attribute, Normalization normalization) {
            compared.add(new AttributeRule(attribute, normalization));
            return this;
        }

        /** Live tags, compared with the state's {@code tags_all} (default_tags merged in) or {@code tags}. */
        Builder compareTags() {
            return compare("tags", Normalization.TAGS);
        }

        /** Arguments deliberately not compared, all for one reason (see the reasons in {@link NotCompared}). */
        Builder notCompared(String reason, String... attributes) {
            for (String attribute : attributes) {
                notCompared.add(new NotCompared(attribute, reason));
            }
            return this;
        }

        /** See {@link ParentLink#shownAs}: after {@link #partOf}, the parent attribute that mirrors this type. */
        Builder shownOnParentAs(String parentAttribute) {
            parent = new ParentLink(parent.type(), parent.idAttribute(), parentAttribute, parent.owns());
            return this;
        }

        /** See {@link ParentLink#mirroredOn}: a parent attribute that mirrors this type without owning it. */
        Builder mirroredOn(String parentType, String parentIdAttribute, String parentAttribute) {
            parent = ParentLink.mirroredOn(parentType, parentIdAttribute, parentAttribute);
            return this;
        }

        /** See {@link ParentLink}: the type can also be managed inline in that parent. */
        Builder partOf(String parentType, String parentIdAttribute) {
            parent = new ParentLink(parentType, parentIdAttribute);
            return this;
        }

        /** See {@link TypeSpec#adopts}: an {@code aws_default_*} type adopting what that ordinary type lists. */
        Builder adopts(String ordinaryType) {
            adopts = ordinaryType;
            return this;
        }

        /** How Terraform imports the type, from the provider's documentation (its "Import" section). */
        Builder importId(ImportId declared) {
            importId = declared;
            return this;
        }

        CollectorDefinition listedBy(Lister lister) {
            String service = actions.isEmpty() ? "unknown" : actions.getFirst().substring(0, actions.getFirst().indexOf(':'));
            TypeSpec spec = new TypeSpec(type, idFrom, compared, parent, adopts, null,
                    importId == null ? null : importId::target);
            return new CollectorDefinition(spec, scope, service, actions, notCompared, importId, lister);
        }
    }
}
