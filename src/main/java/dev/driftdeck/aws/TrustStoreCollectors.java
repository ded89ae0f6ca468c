package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TrustStore;
import dev.driftdeck.remediation.ImportIds;

/**
 * Load balancer trust stores (mutual TLS) and their certificate revocation lists, as the alb module creates them.
 * DescribeTrustStores pages 400 stores, its largest page; tags cost DescribeTags for the managed ones, 20 per call.
 * Revocations have no region-wide listing: DescribeTrustStoreRevocations is called per trust store a state manages
 * (or that a managed revocation names), 400 per page, as {@link LoadBalancerChildCollectors} lists rules.
 *
 * <p>AWS keeps no trace of the S3 objects a store's CA bundle or a revocation list was read from: those arguments
 * are inputs, and the store or list made from them is what the API returns.
 */
final class TrustStoreCollectors {

    static final String TRUST_STORE = "aws_lb_trust_store";
    static final String REVOCATION = "aws_lb_trust_store_revocation";

    private static final int PAGE = 400;
    private static final String CREATED_FROM_S3 = "the S3 object it was read from; AWS does not return it";

    private TrustStoreCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(TRUST_STORE).actions("elasticloadbalancing:DescribeTrustStores",
                                "elasticloadbalancing:DescribeTags")
                        .compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(CREATED_FROM_S3, "ca_certificates_bundle_s3_bucket", "ca_certificates_bundle_s3_key",
                                "ca_certificates_bundle_s3_object_version")
                        .importId(ImportIds.SAME_AS_ID).listedBy(TrustStoreCollectors::trustStores),
                // Terraform's id is "<trust store arn>,<revocation id>"; a list cannot be edited, only replaced.
                CollectorDefinition.regional(REVOCATION).actions("elasticloadbalancing:DescribeTrustStoreRevocations",
                                "elasticloadbalancing:DescribeTrustStores")
                        .notCompared(NotCompared.IDENTITY, "trust_store_arn")
                        .notCompared(CREATED_FROM_S3, "revocations_s3_bucket", "revocations_s3_key",
                                "revocations_s3_object_version")
                        .importId(ImportIds.SAME_AS_ID).listedBy(TrustStoreCollectors::revocations));
    }

    private static List<TrustStore> stores(ElasticLoadBalancingV2Client elb) {
        return elb.describeTrustStoresPaginator(r -> r.pageSize(PAGE)).trustStores().stream().toList();
    }

    private static List<LiveResource> trustStores(CollectorContext ctx) {
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        List<TrustStore> stores = stores(elb);
        Map<String, Map<String, Object>> tags = LoadBalancerCollectors.tags(ctx, elb, TRUST_STORE,
                stores.stream().map(TrustStore::trustStoreArn).toList());
        return stores.stream()
                .map(store -> !ctx.manages(TRUST_STORE, store.trustStoreArn())
                        ? ctx.identityOnly(TRUST_STORE, store.trustStoreArn())
                        : ctx.resource(TRUST_STORE, store.trustStoreArn(), Attributes.of()
                                .put("tags", tags.getOrDefault(store.trustStoreArn(), Map.of()))
                                .build()))
                .toList();
    }

    private static List<LiveResource> revocations(CollectorContext ctx) {
        Set<String> wanted = new LinkedHashSet<>(ctx.managed().ids(TRUST_STORE));
        ctx.managed().resources(REVOCATION).values().forEach(revocation -> {
            if (revocation.get("trust_store_arn") instanceof String arn) {
                wanted.add(arn);
            }
        });
        if (wanted.isEmpty()) {
            return List.of();
        }
        ElasticLoadBalancingV2Client elb = ctx.session().elbv2(ctx.region());
        List<LiveResource> revocations = new ArrayList<>();
        // Only stores that exist: a deleted one has no revocations, and asking would fail the whole listing.
        for (TrustStore store : stores(elb)) {
            if (!wanted.contains(store.trustStoreArn())) {
                continue;
            }
            elb.describeTrustStoreRevocationsPaginator(r -> r.trustStoreArn(store.trustStoreArn()).pageSize(PAGE))
                    .trustStoreRevocations().forEach(revocation -> revocations.add(ctx.resource(REVOCATION,
                            store.trustStoreArn() + "," + revocation.revocationId(), Attributes.of()
                                    .put("trust_store_arn", store.trustStoreArn())
                                    .build())));
        }
        return revocations;
    }
}
