package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * KMS keys whose key material the owner imports (Origin EXTERNAL), per region: {@code aws_kms_external_key} and its
 * Multi-Region replica {@code aws_kms_replica_external_key}. Only DescribeKey tells the origin, so it is spent on
 * every key (on {@code mrk-} keys only for replicas); the policy and tags on managed keys only. aws_kms_key and
 * aws_kms_replica_key leave EXTERNAL keys to these types, so each key is reported once, under the type that can
 * manage it.
 */
final class KmsExternalKeyCollectors {

    static final String EXTERNAL_KEY = "aws_kms_external_key";
    static final String REPLICA_EXTERNAL_KEY = "aws_kms_replica_external_key";

    private static final String MULTI_REGION_PREFIX = "mrk-";

    private KmsExternalKeyCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(EXTERNAL_KEY)
                        .actions("kms:ListKeys", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListResourceTags")
                        .compare("description", STRING).compare("enabled", SCALAR).compare("multi_region", SCALAR)
                        .compare("policy", JSON_DOCUMENT).compare("valid_to", STRING).compareTags()
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "key_material_base64")
                        .notCompared(NotCompared.NOT_RETURNED, "deletion_window_in_days")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "bypass_policy_lockout_safety_check")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> keys(ctx, false)),
                CollectorDefinition.regional(REPLICA_EXTERNAL_KEY)
                        .actions("kms:ListKeys", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListResourceTags")
                        .compare("primary_key_arn", STRING).compare("description", STRING).compare("enabled", SCALAR)
                        .compare("policy", JSON_DOCUMENT).compare("valid_to", STRING).compareTags()
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "key_material_base64")
                        .notCompared(NotCompared.NOT_RETURNED, "deletion_window_in_days")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "bypass_policy_lockout_safety_check")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> keys(ctx, true)));
    }

    /** True for a key these types own: imported key material (its replicas have the primary's origin). */
    static boolean external(KeyMetadata key) {
        return key.origin() == OriginType.EXTERNAL;
    }

    private static List<LiveResource> keys(CollectorContext ctx, boolean replicas) {
        String type = replicas ? REPLICA_EXTERNAL_KEY : EXTERNAL_KEY;
        KmsClient kms = ctx.session().kms(ctx.region());
        List<LiveResource> keys = new ArrayList<>();
        for (KeyListEntry listed : kms.listKeysPaginator(r -> r.limit(1000)).keys()) {
            if (replicas && !listed.keyId().startsWith(MULTI_REGION_PREFIX)) {
                continue;
            }
            KeyMetadata key = kms.describeKey(r -> r.keyId(listed.keyId())).keyMetadata();
            var region = key.multiRegionConfiguration();
            boolean replica = region != null && region.multiRegionKeyType() == MultiRegionKeyType.REPLICA;
            boolean gone = key.keyState() == KeyState.PENDING_DELETION || key.keyState() == KeyState.PENDING_REPLICA_DELETION;
            if (!external(key) || replica != replicas || gone) {
                continue;
            }
            if (!ctx.manages(type, key.keyId())) {
                keys.add(ctx.identityOnly(type, key.keyId()));
                continue;
            }
            String policy = kms.getKeyPolicy(r -> r.keyId(key.keyId()).policyName("default")).policy();
            List<Tag> tags = kms.listResourceTagsPaginator(r -> r.keyId(key.keyId())).tags().stream().toList();
            Attributes attributes = Attributes.of()
                    .put("description", key.description())
                    .put("enabled", key.enabled())
                    .put("policy", policy)
                    .put("valid_to", validTo(key.validTo()))
                    .put("tags", Tags.toMap(tags, Tag::tagKey, Tag::tagValue));
            if (replicas) {
                attributes.put("primary_key_arn", region.primaryKey() == null ? null : region.primaryKey().arn());
            } else {
                attributes.put("multi_region", Boolean.TRUE.equals(key.multiRegion()));
            }
            keys.add(ctx.resource(type, key.keyId(), attributes.build()));
        }
        return keys;
    }

    /** As the provider writes it: RFC 3339 to the second, empty when the key material does not expire. */
    private static String validTo(Instant validTo) {
        return validTo == null ? "" : validTo.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
