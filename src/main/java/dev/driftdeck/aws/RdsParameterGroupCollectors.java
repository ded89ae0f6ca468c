package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Parameter;
import dev.driftdeck.remediation.ImportIds;

/**
 * RDS DB and cluster parameter groups, per region, 100 a page. AWS's {@code default.*} groups are dropped unless
 * strict or managed. The parameters an operator set (source {@code user}) cost one DescribeDBParameters or
 * DescribeDBClusterParameters listing per managed group, the tags one ListTagsForResource.
 */
final class RdsParameterGroupCollectors {

    static final String DB_PARAMETER_GROUP = "aws_db_parameter_group";
    static final String CLUSTER_PARAMETER_GROUP = "aws_rds_cluster_parameter_group";

    private static final int PAGE = 100;
    private static final String AWS_DEFAULT = "default.";

    private RdsParameterGroupCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(DB_PARAMETER_GROUP).actions("rds:DescribeDBParameterGroups",
                                "rds:DescribeDBParameters", "rds:ListTagsForResource")
                        .compare("parameter", SET).compare("family", STRING).compare("description", STRING)
                        .compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "skip_destroy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(RdsParameterGroupCollectors::dbGroups),
                CollectorDefinition.regional(CLUSTER_PARAMETER_GROUP).actions("rds:DescribeDBClusterParameterGroups",
                                "rds:DescribeDBClusterParameters", "rds:ListTagsForResource")
                        .compare("parameter", SET).compare("family", STRING).compare("description", STRING)
                        .compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(RdsParameterGroupCollectors::clusterGroups));
    }

    private static List<LiveResource> dbGroups(CollectorContext ctx) {
        RdsClient rds = ctx.session().rds(ctx.region());
        List<LiveResource> groups = new ArrayList<>();
        for (var group : rds.describeDBParameterGroupsPaginator(r -> r.maxRecords(PAGE)).dbParameterGroups()) {
            String name = group.dbParameterGroupName();
            if (!keep(ctx, DB_PARAMETER_GROUP, name)) {
                continue;
            }
            if (!ctx.manages(DB_PARAMETER_GROUP, name)) {
                groups.add(ctx.identityOnly(DB_PARAMETER_GROUP, name));
                continue;
            }
            List<Parameter> parameters = rds.describeDBParametersPaginator(r -> r.dbParameterGroupName(name)
                    .source("user").maxRecords(PAGE)).parameters().stream().toList();
            groups.add(ctx.resource(DB_PARAMETER_GROUP, name, attributes(parameters, group.dbParameterGroupFamily(),
                    group.description(), rds, group.dbParameterGroupArn())));
        }
        return groups;
    }

    private static List<LiveResource> clusterGroups(CollectorContext ctx) {
        RdsClient rds = ctx.session().rds(ctx.region());
        List<LiveResource> groups = new ArrayList<>();
        for (var group : rds.describeDBClusterParameterGroupsPaginator(r -> r.maxRecords(PAGE))
                .dbClusterParameterGroups()) {
            String name = group.dbClusterParameterGroupName();
            if (!keep(ctx, CLUSTER_PARAMETER_GROUP, name)) {
                continue;
            }
            if (!ctx.manages(CLUSTER_PARAMETER_GROUP, name)) {
                groups.add(ctx.identityOnly(CLUSTER_PARAMETER_GROUP, name));
                continue;
            }
            List<Parameter> parameters = rds.describeDBClusterParametersPaginator(r -> r
                    .dbClusterParameterGroupName(name).source("user").maxRecords(PAGE)).parameters().stream().toList();
            groups.add(ctx.resource(CLUSTER_PARAMETER_GROUP, name, attributes(parameters,
                    group.dbParameterGroupFamily(), group.description(), rds, group.dbClusterParameterGroupArn())));
        }
        return groups;
    }

    private static boolean keep(CollectorContext ctx, String type, String name) {
        return ctx.strict() || ctx.manages(type, name) || !name.startsWith(AWS_DEFAULT);
    }

    private static Map<String, Object> attributes(List<Parameter> parameters, String family, String description,
                                                  RdsClient rds, String arn) {
        var tags = rds.listTagsForResource(r -> r.resourceName(arn)).tagList();
        return Attributes.of()
                .put("parameter", parameters.stream().map(RdsParameterGroupCollectors::parameter).toList())
                .put("family", family)
                .put("description", description)
                .put("tags", RdsClusterCollectors.tags(tags))
                .build();
    }

    /** As the provider writes a parameter: name, value and the apply method in lower case. */
    private static Map<String, Object> parameter(Parameter parameter) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("name", parameter.parameterName());
        block.put("value", parameter.parameterValue());
        block.put("apply_method", parameter.applyMethodAsString() == null
                ? null : parameter.applyMethodAsString().toLowerCase(Locale.ROOT));
        return block;
    }
}
