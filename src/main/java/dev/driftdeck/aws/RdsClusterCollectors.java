package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;
import dev.driftdeck.remediation.ImportIds;

/**
 * RDS (Aurora and Multi-AZ DB) clusters and their instances, per region. DescribeDBClusters and DescribeDBInstances
 * carry every compared setting and the tags, 100 a page, so no call is spent per resource. Neptune and DocumentDB
 * share these APIs but are other Terraform types; their clusters and instances are left to those.
 *
 * <p>Compared first: what keeps the data (deletion protection, encryption and its key, backups, IAM authentication,
 * the network it is reachable from). {@code engine_version} is not compared: the provider keeps the configured
 * version ({@code 15}) while AWS reports the running one ({@code 15.4}) and upgrades minor versions itself.
 */
final class RdsClusterCollectors {

    static final String CLUSTER = "aws_rds_cluster";
    static final String CLUSTER_INSTANCE = "aws_rds_cluster_instance";

    private static final int PAGE = 100;
    private static final Set<String> OTHER_ENGINES = Set.of("neptune", "docdb");
    private static final String ENGINE_VERSION = "the provider keeps the configured version (15) while AWS reports "
            + "the running one (15.4) and upgrades minor versions itself";

    private RdsClusterCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(CLUSTER).actions("rds:DescribeDBClusters")
                        .compare("deletion_protection", SCALAR).compare("storage_encrypted", SCALAR)
                        .compare("kms_key_id", STRING).compare("backup_retention_period", SCALAR)
                        .compare("iam_database_authentication_enabled", SCALAR)
                        .compare("vpc_security_group_ids", SET).compare("db_subnet_group_name", STRING)
                        .compare("copy_tags_to_snapshot", SCALAR).compare("preferred_backup_window", STRING)
                        .compare("preferred_maintenance_window", CASE_INSENSITIVE)
                        .compare("engine", STRING).compare("engine_mode", STRING).compare("database_name", STRING)
                        .compare("master_username", STRING).compare("port", SCALAR)
                        .compare("availability_zones", SET).compare("db_cluster_parameter_group_name", STRING)
                        .compare("enabled_cloudwatch_logs_exports", SET).compare("iam_roles", SET)
                        .compare("enable_http_endpoint", SCALAR).compare("backtrack_window", SCALAR)
                        .compare("storage_type", STRING).compare("allocated_storage", SCALAR).compare("iops", SCALAR)
                        .compare("db_cluster_instance_class", STRING).compare("network_type", STRING)
                        .compare("performance_insights_enabled", SCALAR)
                        .compare("performance_insights_kms_key_id", STRING)
                        .compare("performance_insights_retention_period", SCALAR)
                        .compare("monitoring_interval", SCALAR).compare("monitoring_role_arn", STRING)
                        .compare("ca_certificate_identifier", STRING).compare("engine_lifecycle_support", STRING)
                        .compare("database_insights_mode", STRING).compare("cluster_scalability_type", STRING)
                        .compare("serverlessv2_scaling_configuration", SET).compare("scaling_configuration", SET)
                        .compare("domain", STRING).compare("domain_iam_role_name", STRING)
                        .compare("enable_global_write_forwarding", SCALAR)
                        .compare("enable_local_write_forwarding", SCALAR)
                        .compare("replication_source_identifier", STRING).compare("db_system_id", STRING)
                        .compare("manage_master_user_password", SCALAR)
                        .compare("master_user_secret_kms_key_id", STRING).compareTags()
                        .notCompared(ENGINE_VERSION, "engine_version")
                        .notCompared(NotCompared.IDENTITY, "cluster_identifier")
                        .notCompared(NotCompared.CREATE_ONLY, "cluster_identifier_prefix", "restore_to_point_in_time",
                                "s3_import", "snapshot_identifier", "source_region")
                        .notCompared(NotCompared.WRITE_ONLY_SECRET, "master_password", "master_password_wo",
                                "master_password_wo_version")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "allow_major_version_upgrade", "apply_immediately",
                                "delete_automated_backups", "final_snapshot_identifier", "skip_final_snapshot")
                        .notCompared(NotCompared.NOT_RETURNED, "db_instance_parameter_group_name")
                        .notCompared(NotCompared.OTHER_TYPE, "cluster_members")
                        .notCompared("read from DescribeGlobalClusters, which the scan does not call; "
                                + "aws_rds_global_cluster holds the membership", "global_cluster_identifier")
                        .importId(ImportIds.SAME_AS_ID).listedBy(RdsClusterCollectors::clusters),
                // A cluster's instances are DB instances too: aws_db_instance's listing holds them, adopted here.
                CollectorDefinition.regional(CLUSTER_INSTANCE).actions("rds:DescribeDBInstances")
                        .adopts(DatabaseCollectors.DB_INSTANCE)
                        .compare("cluster_identifier", STRING).compare("instance_class", STRING)
                        .compare("publicly_accessible", SCALAR).compare("db_parameter_group_name", STRING)
                        .compare("db_subnet_group_name", STRING).compare("engine", STRING)
                        .compare("auto_minor_version_upgrade", SCALAR).compare("availability_zone", STRING)
                        .compare("ca_cert_identifier", STRING).compare("copy_tags_to_snapshot", SCALAR)
                        .compare("monitoring_interval", SCALAR).compare("monitoring_role_arn", STRING)
                        .compare("performance_insights_enabled", SCALAR)
                        .compare("performance_insights_kms_key_id", STRING)
                        .compare("performance_insights_retention_period", SCALAR)
                        .compare("preferred_backup_window", STRING)
                        .compare("preferred_maintenance_window", CASE_INSENSITIVE)
                        .compare("promotion_tier", SCALAR).compare("custom_iam_instance_profile", STRING)
                        .compareTags()
                        .notCompared(ENGINE_VERSION, "engine_version")
                        .notCompared(NotCompared.IDENTITY, "identifier")
                        .notCompared(NotCompared.CREATE_ONLY, "identifier_prefix")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "apply_immediately", "force_destroy")
                        .importId(ImportIds.SAME_AS_ID).listedBy(RdsClusterCollectors::instances));
    }

    private static List<LiveResource> clusters(CollectorContext ctx) {
        List<LiveResource> clusters = new ArrayList<>();
        for (DBCluster cluster : ctx.session().rds(ctx.region())
                .describeDBClustersPaginator(r -> r.maxRecords(PAGE)).dbClusters()) {
            if (OTHER_ENGINES.contains(cluster.engine()) || "deleting".equals(cluster.status())) {
                continue;
            }
            String id = cluster.dbClusterIdentifier();
            clusters.add(ctx.manages(CLUSTER, id) ? ctx.resource(CLUSTER, id, attributes(cluster))
                    : ctx.identityOnly(CLUSTER, id));
        }
        return clusters;
    }

    /** In the provider's shapes: lists always present, absent numbers 0 and absent flags false. */
    private static Map<String, Object> attributes(DBCluster c) {
        var domain = c.domainMemberships().isEmpty() ? null : c.domainMemberships().getFirst();
        var secret = c.masterUserSecret();
        return Attributes.of()
                .put("deletion_protection", Boolean.TRUE.equals(c.deletionProtection()))
                .put("storage_encrypted", Boolean.TRUE.equals(c.storageEncrypted()))
                .put("kms_key_id", c.kmsKeyId())
                .put("backup_retention_period", c.backupRetentionPeriod())
                .put("iam_database_authentication_enabled", Boolean.TRUE.equals(c.iamDatabaseAuthenticationEnabled()))
                .put("vpc_security_group_ids", c.vpcSecurityGroups().stream().map(g -> g.vpcSecurityGroupId()).toList())
                .put("db_subnet_group_name", c.dbSubnetGroup())
                .put("copy_tags_to_snapshot", Boolean.TRUE.equals(c.copyTagsToSnapshot()))
                .put("preferred_backup_window", c.preferredBackupWindow())
                .put("preferred_maintenance_window", c.preferredMaintenanceWindow())
                .put("engine", c.engine())
                .put("engine_mode", c.engineMode())
                .put("database_name", c.databaseName())
                .put("master_username", c.masterUsername())
                .put("port", c.port())
                .put("availability_zones", c.availabilityZones())
                .put("db_cluster_parameter_group_name", c.dbClusterParameterGroup())
                .put("enabled_cloudwatch_logs_exports", c.enabledCloudwatchLogsExports())
                .put("iam_roles", c.associatedRoles().stream().map(role -> role.roleArn()).toList())
                .put("enable_http_endpoint", Boolean.TRUE.equals(c.httpEndpointEnabled()))
                .put("backtrack_window", c.backtrackWindow() == null ? 0L : c.backtrackWindow())
                .put("storage_type", c.storageType())
                .put("allocated_storage", c.allocatedStorage() == null ? 0 : c.allocatedStorage())
                .put("iops", c.iops() == null ? 0 : c.iops())
                .put("db_cluster_instance_class", c.dbClusterInstanceClass())
                .put("network_type", c.networkType())
                .put("performance_insights_enabled", Boolean.TRUE.equals(c.performanceInsightsEnabled()))
                .put("performance_insights_kms_key_id", c.performanceInsightsKMSKeyId())
                .put("performance_insights_retention_period", zeroIfNull(c.performanceInsightsRetentionPeriod()))
                .put("monitoring_interval", zeroIfNull(c.monitoringInterval()))
                .put("monitoring_role_arn", c.monitoringRoleArn())
                .put("ca_certificate_identifier", c.certificateDetails() == null ? null : c.certificateDetails().caIdentifier())
                .put("engine_lifecycle_support", c.engineLifecycleSupport())
                .put("database_insights_mode", c.databaseInsightsModeAsString())
                .put("cluster_scalability_type", c.clusterScalabilityTypeAsString())
                .put("serverlessv2_scaling_configuration", serverlessV2(c))
                .put("scaling_configuration", serverlessV1(c))
                .put("domain", domain == null ? null : domain.domain())
                .put("domain_iam_role_name", domain == null ? null : domain.iamRoleName())
                .put("enable_global_write_forwarding", Boolean.TRUE.equals(c.globalWriteForwardingRequested()))
                .put("enable_local_write_forwarding", "enabled".equals(c.localWriteForwardingStatusAsString())
                        || "requested".equals(c.localWriteForwardingStatusAsString()))
                .put("replication_source_identifier", c.replicationSourceIdentifier())
                .put("db_system_id", c.dbSystemId())
                .put("manage_master_user_password", secret == null ? null : true)
                .put("master_user_secret_kms_key_id", secret == null ? null : secret.kmsKeyId())
                .put("tags", tags(c.tagList()))
                .build();
    }

    private static List<Map<String, Object>> serverlessV2(DBCluster c) {
        var scaling = c.serverlessV2ScalingConfiguration();
        if (scaling == null) {
            return List.of();
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("min_capacity", scaling.minCapacity());
        block.put("max_capacity", scaling.maxCapacity());
        block.put("seconds_until_auto_pause", scaling.secondsUntilAutoPause());
        return List.of(block);
    }

    /** Serverless v1: the provider writes one block whenever AWS returns the configuration, empty or not. */
    private static List<Map<String, Object>> serverlessV1(DBCluster c) {
        var scaling = c.scalingConfigurationInfo();
        if (scaling == null) {
            return List.of();
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("auto_pause", scaling.autoPause());
        block.put("max_capacity", scaling.maxCapacity());
        block.put("min_capacity", scaling.minCapacity());
        block.put("seconds_before_timeout", scaling.secondsBeforeTimeout());
        block.put("seconds_until_auto_pause", scaling.secondsUntilAutoPause());
        block.put("timeout_action", scaling.timeoutAction());
        return List.of(block);
    }

    private static List<LiveResource> instances(CollectorContext ctx) {
        List<LiveResource> instances = new ArrayList<>();
        for (DBInstance db : ctx.session().rds(ctx.region())
                .describeDBInstancesPaginator(r -> r.maxRecords(PAGE)).dbInstances()) {
            if (db.dbClusterIdentifier() == null || OTHER_ENGINES.contains(db.engine())
                    || "deleting".equals(db.dbInstanceStatus())) {
                continue;
            }
            String id = db.dbInstanceIdentifier();
            instances.add(ctx.manages(CLUSTER_INSTANCE, id) ? ctx.resource(CLUSTER_INSTANCE, id, instance(db))
                    : ctx.identityOnly(CLUSTER_INSTANCE, id));
        }
        return instances;
    }

    private static Map<String, Object> instance(DBInstance db) {
        return Attributes.of()
                .put("cluster_identifier", db.dbClusterIdentifier())
                .put("instance_class", db.dbInstanceClass())
                .put("publicly_accessible", Boolean.TRUE.equals(db.publiclyAccessible()))
                .put("db_parameter_group_name", db.dbParameterGroups().isEmpty()
                        ? null : db.dbParameterGroups().getFirst().dbParameterGroupName())
                .put("db_subnet_group_name", db.dbSubnetGroup() == null ? null : db.dbSubnetGroup().dbSubnetGroupName())
                .put("engine", db.engine())
                .put("auto_minor_version_upgrade", Boolean.TRUE.equals(db.autoMinorVersionUpgrade()))
                .put("availability_zone", db.availabilityZone())
                .put("ca_cert_identifier", db.caCertificateIdentifier())
                .put("copy_tags_to_snapshot", Boolean.TRUE.equals(db.copyTagsToSnapshot()))
                .put("monitoring_interval", zeroIfNull(db.monitoringInterval()))
                .put("monitoring_role_arn", db.monitoringRoleArn())
                .put("performance_insights_enabled", Boolean.TRUE.equals(db.performanceInsightsEnabled()))
                .put("performance_insights_kms_key_id", db.performanceInsightsKMSKeyId())
                .put("performance_insights_retention_period", zeroIfNull(db.performanceInsightsRetentionPeriod()))
                .put("preferred_backup_window", db.preferredBackupWindow())
                .put("preferred_maintenance_window", db.preferredMaintenanceWindow())
                .put("promotion_tier", zeroIfNull(db.promotionTier()))
                .put("custom_iam_instance_profile", db.customIamInstanceProfile())
                .put("tags", tags(db.tagList()))
                .build();
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }

    static Map<String, Object> tags(List<Tag> tags) {
        return Tags.toMap(tags, Tag::key, Tag::value);
    }
}
