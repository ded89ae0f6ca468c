package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * Multi-Region replica keys, per region. Only multi-Region keys ({@code mrk-} ids) can be replicas, so DescribeKey
 * is spent on those alone to tell a replica from a primary; the policy (GetKeyPolicy) and tags (ListResourceTags)
 * only on managed replicas. A replica is also a key in aws_kms_key's listing: this type adopts it there, so it is
 * reported once, as a replica key. Replicas of a key with imported material are aws_kms_replica_external_key's.
 */
final class KmsReplicaKeyCollectors {

    static final String REPLICA_KEY = "aws_kms_replica_key";

    private static final String MULTI_REGION_PREFIX = "mrk-";

    private KmsReplicaKeyCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(REPLICA_KEY)
                .actions("kms:ListKeys", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListResourceTags")
                .adopts(KmsCollectors.KEY)
                .compare("primary_key_arn", STRING).compare("description", STRING).compare("enabled", SCALAR)
                .compare("policy", JSON_DOCUMENT).compareTags()
                .notCompared(NotCompared.TERRAFORM_ONLY, "deletion_window_in_days", "bypass_policy_lockout_safety_check")
                .importId(ImportIds.SAME_AS_ID).listedBy(KmsReplicaKeyCollectors::replicas));
    }

    private static List<LiveResource> replicas(CollectorContext ctx) {
        KmsClient kms = ctx.session().kms(ctx.region());
        List<LiveResource> replicas = new ArrayList<>();
        for (KeyListEntry listed : kms.listKeysPaginator(r -> r.limit(100)).keys()) {
            if (!listed.keyId().startsWith(MULTI_REGION_PREFIX)) {
                continue;
            }
            KeyMetadata key = kms.describeKey(r -> r.keyId(listed.keyId())).keyMetadata();
            var region = key.multiRegionConfiguration();
            boolean replica = region != null && region.multiRegionKeyType() == MultiRegionKeyType.REPLICA;
            boolean gone = key.keyState() == KeyState.PENDING_DELETION || key.keyState() == KeyState.PENDING_REPLICA_DELETION;
            if (!replica || gone || KmsExternalKeyCollectors.external(key)) {
                continue;
            }
            if (!ctx.manages(REPLICA_KEY, key.keyId())) {
                replicas.add(ctx.identityOnly(REPLICA_KEY, key.keyId()));
                continue;
            }
            String policy = kms.getKeyPolicy(r -> r.keyId(key.keyId()).policyName("default")).policy();
            List<Tag> tags = kms.listResourceTagsPaginator(r -> r.keyId(key.keyId())).tags().stream().toList();
            replicas.add(ctx.resource(REPLICA_KEY, key.keyId(), Attributes.of()
                    .put("primary_key_arn", region.primaryKey() == null ? null : region.primaryKey().arn())
                    .put("description", key.description())
                    .put("enabled", key.enabled())
                    .put("policy", policy)
                    .put("tags", Tags.toMap(tags, Tag::tagKey, Tag::tagValue))
                    .build()));
        }
        return replicas;
    }
}
