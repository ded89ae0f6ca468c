package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;

/**
 * The types Terraform cannot apply against moto (see CoverageTest): created with the SDK instead, listed, and
 * checked for their Terraform id and compared attributes.
 */
class CollectorsOutsideTheFixtureTest {

    @BeforeEach
    void reset() {
        MotoServer.shared().reset();
    }

    @Test
    void dbInstancesAreKeyedByIdentifierWithTheirSettings() {
        try (RdsClient rds = MotoClients.of(RdsClient.builder())) {
            rds.createDBInstance(r -> r.dbInstanceIdentifier("orders").engine("postgres")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("app")
                    .masterUserPassword("not-a-secret-123").tags(t -> t.key("Team").value("ops")));
        }

        Map<String, LiveResource> instances = MotoAws.byId(MotoAws.list("aws_db_instance", false));

        assertThat(instances).containsOnlyKeys("orders");
        assertThat(instances.get("orders").attributes()).containsEntry("engine", "postgres")
                .containsEntry("instance_class", "db.t3.micro").containsEntry("allocated_storage", 20)
                .containsEntry("tags", Map.of("Team", "ops"));
        assertThat(Collectors.forType("aws_db_instance").orElseThrow().spec().idFrom()).containsExactly("identifier");
    }

    @Test
    void ecsServicesAreListedUnderManagedClustersOnlyByArn() {
        String service;
        try (EcsClient ecs = MotoClients.of(EcsClient.builder())) {
            String cluster = ecs.createCluster(r -> r.clusterName("apps")).cluster().clusterArn();
            String task = ecs.registerTaskDefinition(r -> r.family("web").containerDefinitions(c -> c
                    .name("web").image("nginx").memory(128))).taskDefinition().taskDefinitionArn();
            service = ecs.createService(r -> r.cluster(cluster).serviceName("web").taskDefinition(task)
                    .desiredCount(2)).service().serviceArn();
            ecs.createCluster(r -> r.clusterName("unmanaged"));
        }

        // MotoAws.list manages every cluster it finds, so both clusters' services are looked up.
        Map<String, LiveResource> services = MotoAws.byId(MotoAws.list("aws_ecs_service", false));

        assertThat(services).containsOnlyKeys(service);
        assertThat(services.get(service).attributes()).containsEntry("desired_count", 2)
                .containsEntry("cluster", "arn:aws:ecs:us-east-1:" + MotoAws.ACCOUNT + ":cluster/apps");
        try (AwsSession session = MotoAws.session()) {
            var unmanagedClusters = Collectors.forType("aws_ecs_service").orElseThrow()
                    .list(new CollectorContext(session, MotoAws.ACCOUNT, MotoAws.REGION, false));
            assertThat(unmanagedClusters).as("no managed cluster, no ListServices call").isEmpty();
            assertThat(session.counter().operations()).noneMatch(op -> op.startsWith("ecs:"));
        }
    }

    @Test
    void lifecycleConfigurationsAreLiveOnlyWhereRulesExist() {
        try (S3Client s3 = MotoClients.s3()) {
            s3.createBucket(r -> r.bucket("with-rules"));
            s3.createBucket(r -> r.bucket("without"));
            s3.putBucketLifecycleConfiguration(r -> r.bucket("with-rules").lifecycleConfiguration(c -> c.rules(rule ->
                    rule.id("expire").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("tmp/"))
                            .expiration(e -> e.days(7)))));
        }

        assertThat(MotoAws.list("aws_s3_bucket_lifecycle_configuration", false))
                .extracting(LiveResource::id).containsExactly("with-rules");
    }
}
