package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.JSON_DOCUMENT;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * KMS keys and aliases, per region. AWS-managed keys (the targets of {@code alias/aws/*}) and their aliases are
 * AWS's, dropped unless strict. KMS has no batch describe: each customer key costs one DescribeKey, because a key
 * Terraform destroyed lingers for 7-30 days in PendingDeletion and must not read as unmanaged. Keys with imported
 * key material are aws_kms_external_key's (KmsExternalKeyCollectors).
 */
final class KmsCollectors {

    static final String KEY = "aws_kms_key";
    static final String ALIAS = "aws_kms_alias";

    private KmsCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // Rotation and the key policy cost one GetKeyRotationStatus and one GetKeyPolicy per managed key.
                CollectorDefinition.regional(KEY).actions("kms:ListKeys", "kms:ListAliases", "kms:DescribeKey",
                                "kms:ListResourceTags", "kms:GetKeyRotationStatus", "kms:GetKeyPolicy")
                        .compare("description", STRING).compare("key_usage", CASE_INSENSITIVE)
                        .compare("is_enabled", SCALAR).compareTags()
                        .compare("enable_key_rotation", SCALAR).compare("rotation_period_in_days", SCALAR)
                        .compare("policy", JSON_DOCUMENT).compare("multi_region", SCALAR)
                        .compare("customer_master_key_spec", STRING).compare("custom_key_store_id", STRING)
                        .compare("xks_key_id", STRING)
                        .notCompared(NotCompared.NOT_RETURNED, "deletion_window_in_days")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "bypass_policy_lockout_safety_check")
                        .importId(ImportIds.SAME_AS_ID).listedBy(KmsCollectors::keys),
                CollectorDefinition.regional(ALIAS).actions("kms:ListAliases")
                        .compare("target_key_id", STRING)
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> aliases(ctx.session().kms(ctx.region())).stream()
                                .filter(alias -> alias.targetKeyId() != null)
                                .filter(alias -> ctx.strict() || !alias.aliasName().startsWith("alias/aws/"))
                                .map(alias -> ctx.resource(ALIAS, alias.aliasName(), Attributes.of()
                                        .put("target_key_id", alias.targetKeyId())
                                        .build()))
                                .toList()));
    }

    private static List<AliasListEntry> aliases(KmsClient kms) {
        return kms.listAliasesPaginator().aliases().stream().toList();
    }

    private static List<LiveResource> keys(CollectorContext ctx) {
        KmsClient kms = ctx.session().kms(ctx.region());
        Set<String> awsManaged = ctx.strict() ? Set.of() : aliases(kms).stream()
                .filter(alias -> alias.aliasName().startsWith("alias/aws/") && alias.targetKeyId() != null)
                .map(AliasListEntry::targetKeyId).collect(Collectors.toSet());
        List<LiveResource> keys = new ArrayList<>();
        for (var listed : kms.listKeysPaginator().keys()) {
            if (awsManaged.contains(listed.keyId())) {
                continue;
            }
            KeyMetadata key = kms.describeKey(r -> r.keyId(listed.keyId())).keyMetadata();
            boolean gone = key.keyState() == KeyState.PENDING_DELETION || key.keyState() == KeyState.PENDING_REPLICA_DELETION;
            if (gone || KmsExternalKeyCollectors.external(key) || (!ctx.strict() && "AWS".equals(key.keyManagerAsString()))) {
                continue;
            }
            if (!ctx.manages(KEY, key.keyId())) {
                keys.add(ctx.identityOnly(KEY, key.keyId()));
                continue;
            }
            List<Tag> tags = kms.listResourceTagsPaginator(r -> r.keyId(key.keyId())).tags().stream().toList();
            var rotation = kms.getKeyRotationStatus(r -> r.keyId(key.keyId()));
            String policy = kms.getKeyPolicy(r -> r.keyId(key.keyId()).policyName("default")).policy();
            keys.add(ctx.resource(KEY, key.keyId(), Attributes.of()
                    .put("description", key.description())
                    .put("key_usage", key.keyUsageAsString())
                    .put("is_enabled", key.enabled())
                    .put("tags", Tags.toMap(tags, Tag::tagKey, Tag::tagValue))
                    // As the provider reads them: an absent flag false, an absent period 0.
                    .put("enable_key_rotation", Boolean.TRUE.equals(rotation.keyRotationEnabled()))
                    .put("rotation_period_in_days", rotation.rotationPeriodInDays() == null ? 0 : rotation.rotationPeriodInDays())
                    .put("policy", policy)
                    .put("multi_region", Boolean.TRUE.equals(key.multiRegion()))
                    .put("customer_master_key_spec", key.customerMasterKeySpecAsString())
                    .put("custom_key_store_id", key.customKeyStoreId())
                    .put("xks_key_id", key.xksKeyConfiguration() == null ? null : key.xksKeyConfiguration().id())
                    .build()));
        }
        return keys;
    }
}
