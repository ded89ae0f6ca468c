package dev.driftdeck.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * An RDS instance as DescribeDBInstances returns it, in the shapes {@code aws_db_instance} writes (provider 5.100):
 * a number AWS leaves out is 0, the first domain membership, option group and parameter group are the instance's.
 */
final class DbInstances {

    private DbInstances() {
    }

    static Attributes attributes(DBInstance db, Map<String, Object> state) {
        var domain = db.domainMemberships().isEmpty() ? null : db.domainMemberships().getFirst();
        return Attributes.of()
                .put("engine", db.engine())
                .put("engine_version", engineVersion(db.engineVersion(), state))
                .put("engine_lifecycle_support", db.engineLifecycleSupport())
                .put("instance_class", db.dbInstanceClass())
                .put("allocated_storage", db.allocatedStorage())
                .put("max_allocated_storage", zeroIfAbsent(db.maxAllocatedStorage()))
                .put("storage_type", db.storageType())
                .put("iops", zeroIfAbsent(db.iops()))
                .put("storage_throughput", zeroIfAbsent(db.storageThroughput()))
                .put("storage_encrypted", db.storageEncrypted())
                .put("kms_key_id", db.kmsKeyId())
                .put("multi_az", db.multiAZ())
                .put("availability_zone", db.availabilityZone())
                .put("publicly_accessible", db.publiclyAccessible())
                .put("db_subnet_group_name", db.dbSubnetGroup() == null ? null : db.dbSubnetGroup().dbSubnetGroupName())
                .put("vpc_security_group_ids", db.vpcSecurityGroups().stream().map(g -> g.vpcSecurityGroupId()).toList())
                .put("network_type", db.networkType())
                .put("customer_owned_ip_enabled", Boolean.TRUE.equals(db.customerOwnedIpEnabled()))
                .put("port", db.endpoint() != null && db.endpoint().port() != null ? db.endpoint().port() : db.dbInstancePort())
                .put("ca_cert_identifier", db.caCertificateIdentifier())
                .put("iam_database_authentication_enabled", db.iamDatabaseAuthenticationEnabled())
                .put("deletion_protection", db.deletionProtection())
                .put("backup_retention_period", db.backupRetentionPeriod())
                .put("backup_window", db.preferredBackupWindow())
                .put("backup_target", db.backupTarget())
                .put("maintenance_window", db.preferredMaintenanceWindow())
                .put("auto_minor_version_upgrade", db.autoMinorVersionUpgrade())
                .put("copy_tags_to_snapshot", db.copyTagsToSnapshot())
                .put("monitoring_interval", zeroIfAbsent(db.monitoringInterval()))
                .put("monitoring_role_arn", db.monitoringRoleArn())
                .put("performance_insights_enabled", Boolean.TRUE.equals(db.performanceInsightsEnabled()))
                .put("performance_insights_kms_key_id", db.performanceInsightsKMSKeyId())
                .put("performance_insights_retention_period", zeroIfAbsent(db.performanceInsightsRetentionPeriod()))
                .put("database_insights_mode", db.databaseInsightsModeAsString())
                .put("enabled_cloudwatch_logs_exports", db.enabledCloudwatchLogsExports())
                .put("dedicated_log_volume", Boolean.TRUE.equals(db.dedicatedLogVolume()))
                .put("parameter_group_name", db.dbParameterGroups().isEmpty()
                        ? null : db.dbParameterGroups().getFirst().dbParameterGroupName())
                .put("option_group_name", db.optionGroupMemberships().isEmpty()
                        ? null : db.optionGroupMemberships().getFirst().optionGroupName())
                .put("license_model", db.licenseModel())
                .put("character_set_name", db.characterSetName())
                .put("nchar_character_set_name", db.ncharCharacterSetName())
                .put("timezone", db.timezone())
                .put("db_name", db.dbName())
                .put("username", db.masterUsername())
                .put("replicate_source_db", db.readReplicaSourceDBInstanceIdentifier())
                .put("replica_mode", db.replicaModeAsString())
                .put("custom_iam_instance_profile", db.customIamInstanceProfile())
                .put("domain", domain == null ? null : domain.domain())
                .put("domain_fqdn", domain == null ? null : domain.fqdn())
                .put("domain_ou", domain == null ? null : domain.ou())
                .put("domain_iam_role_name", domain == null ? null : domain.iamRoleName())
                .put("domain_auth_secret_arn", domain == null ? null : domain.authSecretArn())
                .put("domain_dns_ips", domain == null ? List.of() : domain.dnsIps())
                .put("tags", Tags.toMap(db.tagList(), software.amazon.awssdk.services.rds.model.Tag::key,
                        software.amazon.awssdk.services.rds.model.Tag::value));
    }

    /**
     * As the provider reads it: a configured major or minor version ({@code 16}, {@code 8.0}) that the running
     * version extends ({@code 16.4}, {@code 8.0.35}) is still the configured one, so a minor upgrade AWS applies
     * itself is not drift; anything else is the running version.
     */
    static String engineVersion(String running, Map<String, Object> state) {
        if (running != null && state != null && state.get("engine_version") instanceof String configured
                && !configured.isEmpty() && (running.equals(configured) || running.startsWith(configured + "."))) {
            return configured;
        }
        return running;
    }

    private static int zeroIfAbsent(Integer value) {
        return value == null ? 0 : value;
    }
}
