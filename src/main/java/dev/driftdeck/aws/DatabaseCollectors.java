package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * RDS instances and subnet groups, DynamoDB tables, per region. DescribeDBInstances and DescribeDBSubnetGroups
 * carry tags and settings in the listing; DynamoDB lists names only, so DescribeTable is spent on managed tables.
 */
final class DatabaseCollectors {

    static final String DB_INSTANCE = "aws_db_instance";
    static final String DB_SUBNET_GROUP = "aws_db_subnet_group";
    static final String DYNAMODB_TABLE = "aws_dynamodb_table";

    private DatabaseCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                // Since provider v5 the state id is the DbiResourceId; the identifier is what operators know.
                CollectorDefinition.regional(DB_INSTANCE).actions("rds:DescribeDBInstances")
                        .idFrom("identifier")
                        .compare("engine", STRING).compare("instance_class", STRING)
                        .compare("allocated_storage", SCALAR).compare("multi_az", SCALAR)
                        .compare("publicly_accessible", SCALAR).compare("storage_encrypted", SCALAR)
                        .compare("db_subnet_group_name", STRING).compareTags()
                        .listedBy(ctx -> ctx.session().rds(ctx.region()).describeDBInstancesPaginator().dbInstances()
                                .stream()
                                .filter(db -> !"deleting".equals(db.dbInstanceStatus()))
                                .map(db -> ctx.resource(DB_INSTANCE, db.dbInstanceIdentifier(), Attributes.of()
                                        .put("engine", db.engine())
                                        .put("instance_class", db.dbInstanceClass())
                                        .put("allocated_storage", db.allocatedStorage())
                                        .put("multi_az", db.multiAZ())
                                        .put("publicly_accessible", db.publiclyAccessible())
                                        .put("storage_encrypted", db.storageEncrypted())
                                        .put("db_subnet_group_name", db.dbSubnetGroup() == null
                                                ? null : db.dbSubnetGroup().dbSubnetGroupName())
                                        .put("tags", Tags.toMap(db.tagList(),
                                                software.amazon.awssdk.services.rds.model.Tag::key,
                                                software.amazon.awssdk.services.rds.model.Tag::value))
                                        .build()))
                                .toList()),
                // The "default" subnet group is AWS's.
                CollectorDefinition.regional(DB_SUBNET_GROUP).actions("rds:DescribeDBSubnetGroups")
                        .compare("description", STRING).compare("subnet_ids", SET)
                        .listedBy(ctx -> ctx.session().rds(ctx.region()).describeDBSubnetGroupsPaginator()
                                .dbSubnetGroups().stream()
                                .filter(group -> ctx.strict() || !"default".equals(group.dbSubnetGroupName()))
                                .map(group -> ctx.resource(DB_SUBNET_GROUP, group.dbSubnetGroupName(), Attributes.of()
                                        .put("description", group.dbSubnetGroupDescription())
                                        .put("subnet_ids", group.subnets().stream().map(s -> s.subnetIdentifier()).toList())
                                        .build()))
                                .toList()),
                CollectorDefinition.regional(DYNAMODB_TABLE).actions("dynamodb:ListTables", "dynamodb:DescribeTable",
                                "dynamodb:ListTagsOfResource")
                        .compare("billing_mode", CASE_INSENSITIVE).compare("hash_key", STRING)
                        .compare("range_key", STRING).compareTags()
                        .listedBy(DatabaseCollectors::tables));
    }

    private static List<LiveResource> tables(CollectorContext ctx) {
        DynamoDbClient dynamo = ctx.session().dynamodb(ctx.region());
        List<LiveResource> tables = new ArrayList<>();
        for (String name : dynamo.listTablesPaginator().tableNames()) {
            if (!ctx.manages(DYNAMODB_TABLE, name)) {
                tables.add(ctx.identityOnly(DYNAMODB_TABLE, name));
                continue;
            }
            TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();
            var tags = dynamo.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags();
            tables.add(ctx.resource(DYNAMODB_TABLE, name, Attributes.of()
                    // A table created without billing mode is PROVISIONED; AWS then omits the summary.
                    .put("billing_mode", table.billingModeSummary() == null
                            ? "PROVISIONED" : table.billingModeSummary().billingModeAsString())
                    .put("hash_key", keyOf(table, "HASH"))
                    .put("range_key", keyOf(table, "RANGE"))
                    .put("tags", Tags.toMap(tags, software.amazon.awssdk.services.dynamodb.model.Tag::key,
                            software.amazon.awssdk.services.dynamodb.model.Tag::value))
                    .build()));
        }
        return tables;
    }

    private static String keyOf(TableDescription table, String keyType) {
        return table.keySchema().stream().filter(k -> keyType.equals(k.keyTypeAsString()))
                .map(k -> k.attributeName()).findFirst().orElse(null);
    }
}
