package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.PrivateMoto;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Data stores and what hangs off instances and keys, end to end: real Terraform applies
 * {@code fixtures/terraform/data} to moto (RDS clusters, their instances and parameter groups, an ElastiCache
 * cluster and subnet group, EBS snapshots and default encryption, EIP and volume attachments, KMS grants and a
 * replica key, a CloudFront distribution and origin access control), a scan finds it all in sync, and console-style
 * edits, deletions and hand-made additions are reported exactly.
 *
 * <p>The replica key's primary is made here in us-west-2 before the apply (found by the configuration through an
 * alias, deleted after the apply): a multi-Region key has the same id in every region, so a state managing both
 * would be matched across regions. The ElastiCache replication group is tested against WireMock
 * ({@code ElastiCacheReplicationGroupWireMockTest}): moto creates no member clusters for it, and the provider then
 * fails reading the group back.
 */
@PrivateMoto
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_rds_cluster", "aws_rds_cluster_instance", "aws_db_parameter_group",
            "aws_rds_cluster_parameter_group", "aws_elasticache_cluster", "aws_elasticache_subnet_group",
            "aws_ebs_snapshot", "aws_ebs_encryption_by_default", "aws_volume_attachment", "aws_eip_association",
            "aws_kms_grant", "aws_kms_replica_key", "aws_cloudfront_distribution",
            "aws_cloudfront_origin_access_control");

    /** Covered by ElastiCacheReplicationGroupWireMockTest. */
    static final Set<String> NOT_ON_MOTO = Set.of("aws_elasticache_replication_group");

    static final String PRIMARY_ALIAS = "alias/data-primary";

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("data", () -> {
            try (KmsClient west = west()) {
                String key = west.createKey(r -> r.description("data primary").multiRegion(true)).keyMetadata().keyId();
                west.createAlias(r -> r.aliasName(PRIMARY_ALIAS).targetKeyId(key));
            }
        });
        try (KmsClient west = west()) {
            west.deleteAlias(r -> r.aliasName(PRIMARY_ALIAS));
        }
    }

    static KmsClient west() {
        return KmsClient.builder().region(Region.US_WEST_2).credentialsProvider(MotoClients.CREDENTIALS)
                .endpointOverride(java.net.URI.create(dev.driftdeck.testing.MotoServer.current().endpoint())).build();
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
    }

    @Test
    @Order(2)
    void consoleEditsDeletionsAndHandMadeResourcesAreReportedExactly() {
        List<String> expected = DataFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
    }
}
