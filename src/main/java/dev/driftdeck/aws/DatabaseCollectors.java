package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import dev.driftdeck.remediation.ImportIds;

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
                // DescribeDBInstances carries every setting: security and durability first.
                CollectorDefinition.regional(DB_INSTANCE).actions("rds:DescribeDBInstances")
                        .idFrom("identifier")
                        .compare("publicly_accessible", SCALAR).compare("storage_encrypted", SCALAR)
                        .compare("kms_key_id", STRING).compare("deletion_protection", SCALAR)
                        .compare("backup_retention_period", SCALAR).compare("backup_window", STRING)
                        .compare("backup_target", CASE_INSENSITIVE).compare("multi_az", SCALAR)
                        .compare("iam_database_authentication_enabled", SCALAR)
                        .compare("vpc_security_group_ids", SET).compare("db_subnet_group_name", STRING)
                        .compare("ca_cert_identifier", STRING).compare("auto_minor_version_upgrade", SCALAR)
                        .compare("copy_tags_to_snapshot", SCALAR).compare("maintenance_window", CASE_INSENSITIVE)
                        .compare("performance_insights_enabled", SCALAR)
                        .compare("performance_insights_kms_key_id", STRING)
                        .compare("performance_insights_retention_period", SCALAR)
                        .compare("database_insights_mode", CASE_INSENSITIVE)
                        .compare("monitoring_interval", SCALAR).compare("monitoring_role_arn", STRING)
                        .compare("enabled_cloudwatch_logs_exports", SET)
                        .compare("engine", STRING).compare("engine_version", STRING)
                        .compare("engine_lifecycle_support", STRING).compare("instance_class", STRING)
                        .compare("allocated_storage", SCALAR).compare("max_allocated_storage", SCALAR)
                        .compare("storage_type", STRING).compare("iops", SCALAR).compare("storage_throughput", SCALAR)
                        .compare("dedicated_log_volume", SCALAR).compare("availability_zone", STRING)
                        .compare("network_type", CASE_INSENSITIVE).compare("customer_owned_ip_enabled", SCALAR)
                        .compare("port", SCALAR).compare("parameter_group_name", STRING)
                        .compare("option_group_name", STRING).compare("license_model", STRING)
                        .compare("character_set_name", STRING).compare("nchar_character_set_name", STRING)
                        .compare("timezone", STRING).compare("db_name", STRING).compare("username", STRING)
                        .compare("replicate_source_db", STRING).compare("replica_mode", CASE_INSENSITIVE)
                        .compare("custom_iam_instance_profile", STRING)
                        .compare("domain", STRING).compare("domain_fqdn", STRING).compare("domain_ou", STRING)
                        .compare("domain_iam_role_name", STRING).compare("domain_auth_secret_arn", STRING)
                        .compare("domain_dns_ips", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "identifier")
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "password", "password_wo")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "allow_major_version_upgrade", "apply_immediately",
                                "blue_green_update", "delete_automated_backups", "final_snapshot_identifier",
                                "skip_final_snapshot", "identifier_prefix", "password_wo_version", "upgrade_storage_config")
                        .notCompared(NotCompared.CREATE_ONLY, "restore_to_point_in_time", "s3_import", "snapshot_identifier")
                        // AWS's managed secret itself is the computed master_user_secret.
                        .notCompared("the provider never reads it back: the state keeps what Terraform wrote",
                                "manage_master_user_password", "master_user_secret_kms_key_id")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().rds(ctx.region()).describeDBInstancesPaginator().dbInstances()
                                .stream()
                                .filter(db -> !"deleting".equals(db.dbInstanceStatus()))
                                .map(db -> ctx.resource(DB_INSTANCE, db.dbInstanceIdentifier(), DbInstances.attributes(db,
                                        ctx.managed().resources(DB_INSTANCE).get(db.dbInstanceIdentifier())).build()))
                                .toList()),
                // The "default" subnet group is AWS's.
                CollectorDefinition.regional(DB_SUBNET_GROUP).actions("rds:DescribeDBSubnetGroups",
                                "rds:ListTagsForResource")
                        .compare("description", STRING).compare("subnet_ids", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "name_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(ctx -> ctx.session().rds(ctx.region()).describeDBSubnetGroupsPaginator()
                                .dbSubnetGroups().stream()
                                .filter(group -> ctx.strict() || !"default".equals(group.dbSubnetGroupName()))
                                .map(group -> !ctx.manages(DB_SUBNET_GROUP, group.dbSubnetGroupName())
                                        ? ctx.identityOnly(DB_SUBNET_GROUP, group.dbSubnetGroupName())
                                        : ctx.resource(DB_SUBNET_GROUP, group.dbSubnetGroupName(), Attributes.of()
                                        .put("description", group.dbSubnetGroupDescription())
                                        .put("subnet_ids", group.subnets().stream().map(s -> s.subnetIdentifier()).toList())
                                        // Tags are not in the listing: one ListTagsForResource per managed group.
                                        .put("tags", Tags.toMap(ctx.session().rds(ctx.region()).listTagsForResource(
                                                        r -> r.resourceName(group.dbSubnetGroupArn())).tagList(),
                                                software.amazon.awssdk.services.rds.model.Tag::key,
                                                software.amazon.awssdk.services.rds.model.Tag::value))
                                        .build()))
                                .toList()),
                // Point-in-time recovery and TTL are two more calls per managed table: the durability settings
                // operators turn off in the console, which DescribeTable does not carry.
                CollectorDefinition.regional(DYNAMODB_TABLE).actions("dynamodb:ListTables", "dynamodb:DescribeTable",
                                "dynamodb:ListTagsOfResource", "dynamodb:DescribeContinuousBackups",
                                "dynamodb:DescribeTimeToLive", "kms:DescribeKey")
                        .compare("billing_mode", CASE_INSENSITIVE).compare("hash_key", STRING)
                        .compare("range_key", STRING).compare("attribute", SET)
                        .compare("read_capacity", SCALAR).compare("write_capacity", SCALAR)
                        .compare("on_demand_throughput", SET)
                        .compare("global_secondary_index", SET).compare("local_secondary_index", SET)
                        .compare("deletion_protection_enabled", SCALAR).compare("point_in_time_recovery", SET)
                        .compare("server_side_encryption", SET).compare("stream_enabled", SCALAR)
                        .compare("stream_view_type", CASE_INSENSITIVE).compare("table_class", CASE_INSENSITIVE)
                        .compare("ttl", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "name")
                        .notCompared(NotCompared.CREATE_ONLY, "import_table", "restore_date_time", "restore_source_name",
                                "restore_source_table_arn", "restore_to_latest_time")
                        .notCompared("costs a DescribeTable call per replica, in the replica's region", "replica")
                        .importId(ImportIds.SAME_AS_ID).listedBy(DatabaseCollectors::tables));
    }

    private static List<LiveResource> tables(CollectorContext ctx) {
        DynamoDbClient dynamo = ctx.session().dynamodb(ctx.region());
        // The provider writes no key ARN for AWS's own alias/aws/dynamodb key: one DescribeKey per region tells it.
        Supplier<String> awsManagedKey = DynamoDbTables.awsManagedKey(ctx);
        List<LiveResource> tables = new ArrayList<>();
        for (String name : dynamo.listTablesPaginator().tableNames()) {
            if (!ctx.manages(DYNAMODB_TABLE, name)) {
                tables.add(ctx.identityOnly(DYNAMODB_TABLE, name));
                continue;
            }
            TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();
            var tags = dynamo.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags();
            var recovery = dynamo.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription();
            var ttl = dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
            tables.add(ctx.resource(DYNAMODB_TABLE, name, DynamoDbTables.attributes(table, recovery, ttl,
                    awsManagedKey)
                    .put("tags", Tags.toMap(tags, software.amazon.awssdk.services.dynamodb.model.Tag::key,
                            software.amazon.awssdk.services.dynamodb.model.Tag::value))
                    .build()));
        }
        return tables;
    }

}
