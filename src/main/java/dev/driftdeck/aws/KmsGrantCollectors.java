package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantConstraints;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import dev.driftdeck.remediation.ImportIds;

/**
 * KMS grants, per region. KMS lists grants only per key, so ListGrants (100 a page) is spent on the keys a state
 * manages, as {@code aws_kms_key}, {@code aws_kms_replica_key} or as the key of a managed grant: a grant on a key
 * nobody manages is that key's business, as the S3 configurations of an unmanaged bucket are. Grants AWS services
 * make for themselves on a key (an {@code *.amazonaws.com} grantee) are AWS's, dropped unless strict or managed.
 * A grant cannot be edited, only retired or revoked (MISSING) or added (UNMANAGED).
 */
final class KmsGrantCollectors {

    static final String GRANT = "aws_kms_grant";

    private static final int PAGE = 100;

    private KmsGrantCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(GRANT).actions("kms:ListKeys", "kms:ListGrants")
                .compare("grantee_principal", STRING).compare("operations", SET)
                .compare("retiring_principal", STRING).compare("name", STRING).compare("constraints", SET)
                .notCompared(NotCompared.IDENTITY, "key_id")
                .notCompared(NotCompared.CREATE_ONLY, "grant_creation_tokens")
                .notCompared(NotCompared.TERRAFORM_ONLY, "retire_on_delete")
                .importId(ImportIds.SAME_AS_ID).listedBy(KmsGrantCollectors::grants));
    }

    /** The state id is {@code <key_id as configured>:<grant id>}; the key may be written as an id or an ARN. */
    private static List<LiveResource> grants(CollectorContext ctx) {
        Map<String, String> stateIdByGrant = new HashMap<>();
        Set<String> wanted = new LinkedHashSet<>(ctx.managed().ids(KmsCollectors.KEY));
        wanted.addAll(ctx.managed().ids(KmsReplicaKeyCollectors.REPLICA_KEY));
        for (String id : ctx.managed().ids(GRANT)) {
            int colon = id.lastIndexOf(':');
            if (colon > 0) {
                stateIdByGrant.put(id.substring(colon + 1), id);
                wanted.add(keyIdOf(id.substring(0, colon)));
            }
        }
        KmsClient kms = ctx.session().kms(ctx.region());
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<LiveResource> grants = new ArrayList<>();
        for (KeyListEntry key : kms.listKeysPaginator(r -> r.limit(PAGE)).keys()) {
            if (!wanted.contains(key.keyId())) {
                continue;
            }
            for (GrantListEntry grant : kms.listGrantsPaginator(r -> r.keyId(key.keyId()).limit(PAGE)).grants()) {
                String id = stateIdByGrant.getOrDefault(grant.grantId(), key.keyId() + ":" + grant.grantId());
                boolean awsService = grant.granteePrincipal() != null && grant.granteePrincipal().endsWith(".amazonaws.com");
                if (awsService && !ctx.strict() && !ctx.manages(GRANT, id)) {
                    continue;
                }
                grants.add(ctx.resource(GRANT, id, Attributes.of()
                        .put("grantee_principal", grant.granteePrincipal())
                        .put("operations", grant.operationsAsStrings())
                        .put("retiring_principal", grant.retiringPrincipal())
                        .put("name", grant.name())
                        .put("constraints", constraints(grant.constraints()))
                        .build()));
            }
        }
        return grants;
    }

    /** The key id in an id or a key ARN ({@code arn:aws:kms:r:a:key/<id>}). */
    static String keyIdOf(String idOrArn) {
        int slash = idOrArn.lastIndexOf("key/");
        return idOrArn.startsWith("arn:") && slash >= 0 ? idOrArn.substring(slash + 4) : idOrArn;
    }

    private static List<Map<String, Object>> constraints(GrantConstraints constraints) {
        if (constraints == null || !constraints.hasEncryptionContextEquals() && !constraints.hasEncryptionContextSubset()) {
            return List.of();
        }
        Map<String, Object> block = new HashMap<>();
        block.put("encryption_context_equals", constraints.encryptionContextEquals());
        block.put("encryption_context_subset", constraints.encryptionContextSubset());
        return List.of(block);
    }
}
