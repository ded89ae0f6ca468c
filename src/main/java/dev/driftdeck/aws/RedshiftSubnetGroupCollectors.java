package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftdeck.drift.LiveResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.driftdeck.remediation.ImportIds;

/**
 * Redshift cluster subnet groups, which the vpc module makes for its Redshift subnets, over the query protocol
 * through {@link SignedRequests} (the SDK's redshift module is not available here). DescribeClusterSubnetGroups pages
 * 100 groups, its largest page, with their subnets and tags: no call per group. The id is the group's name.
 */
final class RedshiftSubnetGroupCollectors {

    static final String SUBNET_GROUP = "aws_redshift_subnet_group";
    private static final int PAGE = 100;
    private static final Set<String> LIST_ITEMS = Set.of("ClusterSubnetGroup", "Subnet", "Tag");

    private RedshiftSubnetGroupCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(CollectorDefinition.regional(SUBNET_GROUP).actions("redshift:DescribeClusterSubnetGroups")
                .compare("description", STRING).compare("subnet_ids", SET).compareTags()
                .notCompared(NotCompared.IDENTITY, "name")
                .importId(ImportIds.SAME_AS_ID).listedBy(RedshiftSubnetGroupCollectors::subnetGroups));
    }

    private static List<LiveResource> subnetGroups(CollectorContext ctx) {
        SignedRequests redshift = ctx.session().signed(RawApi.REDSHIFT, ctx.region());
        List<JsonNode> groups = SignedRequests.items(SignedRequests.pages(marker -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("MaxRecords", String.valueOf(PAGE));
            if (marker != null) {
                params.put("Marker", marker);
            }
            return redshift.query("DescribeClusterSubnetGroups", params, LIST_ITEMS);
        }, "Marker"), "ClusterSubnetGroups");
        return groups.stream()
                .map(group -> ctx.resource(SUBNET_GROUP, RawShapes.text(group, "ClusterSubnetGroupName"), Attributes.of()
                        .put("description", RawShapes.text(group, "Description"))
                        .put("subnet_ids", subnetIds(group))
                        .put("tags", RawShapes.tags(group.path("Tags")))
                        .build()))
                .toList();
    }

    private static List<String> subnetIds(JsonNode group) {
        return group.path("Subnets").findValuesAsText("SubnetIdentifier");
    }
}
