package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheSubnetGroup;
import dev.driftdeck.remediation.ImportIds;

/**
 * ElastiCache subnet groups, per region, 100 a page. AWS's {@code default} group is dropped unless strict or managed.
 * A managed group's tags cost one ListTagsForResource. (Parameter groups are not supported yet: moto 5.2.1 answers
 * DescribeCacheParameterGroups with an error, so every scan of it would fail that listing.)
 */
final class ElastiCacheSubnetGroupCollectors {

    static final String SUBNET_GROUP = "aws_elasticache_subnet_group";

    private ElastiCacheSubnetGroupCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(SUBNET_GROUP).actions("elasticache:DescribeCacheSubnetGroups",
                                "elasticache:ListTagsForResource")
                        .compare("subnet_ids", SET).compare("description", STRING).compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ElastiCacheSubnetGroupCollectors::subnetGroups));
    }

    private static List<LiveResource> subnetGroups(CollectorContext ctx) {
        ElastiCacheClient cache = ctx.session().elastiCache(ctx.region());
        List<LiveResource> groups = new ArrayList<>();
        for (CacheSubnetGroup group : cache.describeCacheSubnetGroupsPaginator(r -> r
                .maxRecords(ElastiCacheCollectors.PAGE)).cacheSubnetGroups()) {
            String name = group.cacheSubnetGroupName();
            boolean managed = ctx.manages(SUBNET_GROUP, name);
            if (!managed && !ctx.strict() && "default".equals(name)) {
                continue;
            }
            groups.add(!managed ? ctx.identityOnly(SUBNET_GROUP, name) : ctx.resource(SUBNET_GROUP, name, Attributes.of()
                    .put("subnet_ids", group.subnets().stream().map(s -> s.subnetIdentifier()).toList())
                    .put("description", group.cacheSubnetGroupDescription())
                    .put("tags", ElastiCacheCollectors.tags(cache, group.arn()))
                    .build()));
        }
        return groups;
    }
}
