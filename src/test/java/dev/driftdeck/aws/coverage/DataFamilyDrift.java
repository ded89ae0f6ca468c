package dev.driftdeck.aws.coverage;

import dev.driftdeck.testing.MotoClients;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlConfig;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.ApplyMethod;
import software.amazon.awssdk.services.rds.model.Parameter;

/**
 * What an operator does in the console to the {@code fixtures/terraform/data} resources: edits, deletions and
 * hand-made additions; returns the findings a scan must then report, as {@link CoverageFixture#drift} renders them.
 */
final class DataFamilyDrift {

    private static final String INSTANCE = "aws_instance.i";

    private DataFamilyDrift() {
    }

    static List<String> apply(CoverageFixture f) {
        List<String> expected = new ArrayList<>();
        blockStorage(f, expected);
        keys(f, expected);
        databases(f, expected);
        caches(f, expected);
        cloudFront(f, expected);
        return expected;
    }

    private static void blockStorage(CoverageFixture f, List<String> expected) {
        try (Ec2Client ec2 = MotoClients.ec2()) {
            ec2.createTags(r -> r.resources(f.id("aws_ebs_snapshot.s[0]")).tags(t -> t.key("Owner").value("ops")));
            expected.add("CHANGED aws_ebs_snapshot.s[0] tags.Owner");
            ec2.deleteSnapshot(r -> r.snapshotId(f.id("aws_ebs_snapshot.s[1]")));
            expected.add("MISSING aws_ebs_snapshot.s[1]");
            String snapshot = ec2.createSnapshot(r -> r.volumeId(f.id("aws_ebs_volume.v[1]")).description("by hand"))
                    .snapshotId();
            expected.add("UNMANAGED aws_ebs_snapshot " + snapshot);

            ec2.disableEbsEncryptionByDefault(r -> { });
            expected.add("CHANGED aws_ebs_encryption_by_default.on enabled");

            String instance = f.id(INSTANCE);
            ec2.detachVolume(r -> r.volumeId(f.id("aws_ebs_volume.v[1]")).instanceId(instance));
            expected.add("MISSING aws_volume_attachment.a[1]");
            // The instance's own view of its attached volumes (refreshed into its state) loses it too, as refresh-only shows.
            expected.add("CHANGED aws_instance.i ebs_block_device");
            String volume = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(1)).volumeId();
            ec2.attachVolume(r -> r.volumeId(volume).instanceId(instance).device("/dev/sdh"));
            expected.addAll(List.of("UNMANAGED aws_volume_attachment /dev/sdh/" + volume + "/" + instance,
                    "UNMANAGED aws_ebs_volume " + volume));

            ec2.disassociateAddress(r -> r.associationId(f.id("aws_eip_association.e[0]")));
            expected.add("MISSING aws_eip_association.e[0]");
            // The address's own view of its association (refreshed into its state) changes too, as refresh-only shows.
            expected.addAll(List.of("CHANGED aws_eip.e[0] instance", "CHANGED aws_eip.e[0] network_interface"));
            String address = ec2.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
            String association = ec2.associateAddress(r -> r.allocationId(address).instanceId(instance)).associationId();
            // An address made by hand and associated: both are unmanaged (the association is its own import).
            expected.addAll(List.of("UNMANAGED aws_eip_association " + association, "UNMANAGED aws_eip " + address));
        }
    }

    private static void keys(CoverageFixture f, List<String> expected) {
        try (KmsClient kms = MotoClients.of(KmsClient.builder()); KmsClient west = DataFamilyTest.west()) {
            String key = f.id("aws_kms_key.k");
            kms.revokeGrant(r -> r.keyId(key).grantId(f.attribute("aws_kms_grant.g[1]", "grant_id")));
            expected.add("MISSING aws_kms_grant.g[1]");
            String grant = kms.createGrant(r -> r.keyId(key).granteePrincipal(f.attribute("aws_iam_role.grantee", "arn"))
                    .operations(GrantOperation.DECRYPT)).grantId();
            expected.add("UNMANAGED aws_kms_grant " + key + ":" + grant);

            String replica = f.id("aws_kms_replica_key.r");
            kms.updateKeyDescription(r -> r.keyId(replica).description("changed by hand"));
            kms.disableKey(r -> r.keyId(replica));
            expected.addAll(List.of("CHANGED aws_kms_replica_key.r description", "CHANGED aws_kms_replica_key.r enabled"));
            // A replica made by hand is one UNMANAGED replica key, not also an unmanaged aws_kms_key.
            String primary = west.createKey(r -> r.description("by hand").multiRegion(true)).keyMetadata().keyId();
            west.replicateKey(r -> r.keyId(primary).replicaRegion(MotoClients.REGION));
            expected.add("UNMANAGED aws_kms_replica_key " + primary);
        }
    }

    private static void databases(CoverageFixture f, List<String> expected) {
        try (RdsClient rds = MotoClients.of(RdsClient.builder())) {
            rds.modifyDBCluster(r -> r.dbClusterIdentifier("data-cluster").deletionProtection(true)
                    .backupRetentionPeriod(1).applyImmediately(true));
            expected.addAll(List.of("CHANGED aws_rds_cluster.c deletion_protection",
                    "CHANGED aws_rds_cluster.c backup_retention_period"));
            rds.modifyDBInstance(r -> r.dbInstanceIdentifier("data-cluster-1").autoMinorVersionUpgrade(false)
                    .applyImmediately(true));
            expected.add("CHANGED aws_rds_cluster_instance.i auto_minor_version_upgrade");
            // A cluster and its instance made by hand: the instance is one UNMANAGED cluster instance, not also an
            // unmanaged aws_db_instance.
            rds.createDBCluster(r -> r.dbClusterIdentifier("by-hand-cluster").engine("aurora-postgresql")
                    .masterUsername("dbadmin").masterUserPassword("by-hand-password-1"));
            rds.createDBInstance(r -> r.dbInstanceIdentifier("by-hand-1").dbClusterIdentifier("by-hand-cluster")
                    .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
            expected.addAll(List.of("UNMANAGED aws_rds_cluster by-hand-cluster",
                    "UNMANAGED aws_rds_cluster_instance by-hand-1"));

            rds.modifyDBParameterGroup(r -> r.dbParameterGroupName("data-db-params").parameters(Parameter.builder()
                    .parameterName("log_min_duration_statement").parameterValue("500")
                    .applyMethod(ApplyMethod.IMMEDIATE).build()));
            expected.add("CHANGED aws_db_parameter_group.p parameter");
            rds.modifyDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("data-cluster-params")
                    .parameters(Parameter.builder().parameterName("log_statement").parameterValue("all")
                            .applyMethod(ApplyMethod.IMMEDIATE).build()));
            expected.add("CHANGED aws_rds_cluster_parameter_group.p parameter");
            rds.createDBParameterGroup(r -> r.dbParameterGroupName("by-hand-params")
                    .dbParameterGroupFamily("aurora-postgresql15").description("by hand"));
            expected.add("UNMANAGED aws_db_parameter_group by-hand-params");
            rds.createDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("by-hand-cluster-params")
                    .dbParameterGroupFamily("aurora-postgresql15").description("by hand"));
            expected.add("UNMANAGED aws_rds_cluster_parameter_group by-hand-cluster-params");
        }
    }

    private static void caches(CoverageFixture f, List<String> expected) {
        try (ElastiCacheClient cache = MotoClients.of(ElastiCacheClient.builder())) {
            cache.addTagsToResource(r -> r.resourceName(f.attribute("aws_elasticache_cluster.c", "arn"))
                    .tags(t -> t.key("Owner").value("ops")));
            expected.add("CHANGED aws_elasticache_cluster.c tags.Owner");
            cache.createCacheCluster(r -> r.cacheClusterId("by-hand-cache").engine("redis")
                    .cacheNodeType("cache.t3.micro").numCacheNodes(1));
            expected.add("UNMANAGED aws_elasticache_cluster by-hand-cache");
            cache.createCacheSubnetGroup(r -> r.cacheSubnetGroupName("by-hand-subnets")
                    .cacheSubnetGroupDescription("by hand").subnetIds(f.id("aws_subnet.s")));
            expected.add("UNMANAGED aws_elasticache_subnet_group by-hand-subnets");
        }
    }

    private static void cloudFront(CoverageFixture f, List<String> expected) {
        try (CloudFrontClient cloudFront = MotoClients.global(CloudFrontClient.builder())) {
            String id = f.id("aws_cloudfront_distribution.d");
            var current = cloudFront.getDistributionConfig(r -> r.id(id));
            DistributionConfig config = current.distributionConfig();
            cloudFront.updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                    .distributionConfig(config.toBuilder().comment("changed by hand").build()));
            expected.add("CHANGED aws_cloudfront_distribution.d comment");
            String byHand = cloudFront.createDistribution(r -> r.distributionConfig(config.toBuilder()
                    .callerReference("by-hand").comment("by hand").build())).distribution().id();
            expected.add("UNMANAGED aws_cloudfront_distribution " + byHand);

            String oac = f.id("aws_cloudfront_origin_access_control.o");
            var control = cloudFront.getOriginAccessControl(r -> r.id(oac));
            OriginAccessControlConfig oacConfig = control.originAccessControl().originAccessControlConfig();
            cloudFront.updateOriginAccessControl(r -> r.id(oac).ifMatch(control.eTag())
                    .originAccessControlConfig(oacConfig.toBuilder().signingBehavior("no-override").build()));
            expected.add("CHANGED aws_cloudfront_origin_access_control.o signing_behavior");
            String handOac = cloudFront.createOriginAccessControl(r -> r.originAccessControlConfig(oacConfig.toBuilder()
                    .name("by-hand-oac").build())).originAccessControl().id();
            expected.add("UNMANAGED aws_cloudfront_origin_access_control " + handOac);
        }
    }
}
