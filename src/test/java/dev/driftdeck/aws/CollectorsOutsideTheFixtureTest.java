package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.util.List;
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
    void ecsServicesCompareDeploymentAndNetworkSettingsInTheFormTheStateUses() {
        String service;
        String subnet;
        String group;
        try (EcsClient ecs = MotoClients.of(EcsClient.builder()); var ec2 = MotoClients.ec2()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
            subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24")).subnet().subnetId();
            group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
            String cluster = ecs.createCluster(r -> r.clusterName("apps")).cluster().clusterArn();
            ecs.registerTaskDefinition(r -> r.family("web").networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                    .cpu("256").memory("512").containerDefinitions(c -> c.name("web").image("nginx")));
            service = ecs.createService(r -> r.cluster(cluster).serviceName("web").taskDefinition("web:1")
                    .desiredCount(2).launchType("FARGATE")
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups(group)
                            .assignPublicIp("DISABLED")))).service().serviceArn();
        }
        // As provider 5.100 writes a service configured with the cluster's name and task family:revision.
        OneResource state = OneResource.of("aws_ecs_service", service, Map.of("name", "web", "cluster", "apps",
                "task_definition", "web:1", "desired_count", 2, "launch_type", "FARGATE",
                "network_configuration", List.of(Map.of("assign_public_ip", false, "security_groups", List.of(group),
                        "subnets", List.of(subnet))),
                "load_balancer", List.of(), "service_registries", List.of(), "enable_execute_command", false));

        assertThat(state.status(MotoAws.list(Collectors.forType("aws_ecs_service").orElseThrow(), false,
                state.managed()))).isEqualTo("IN_SYNC");

        try (EcsClient ecs = MotoClients.of(EcsClient.builder())) {
            ecs.updateService(r -> r.cluster("apps").service("web").desiredCount(5));
        }
        assertThat(state.status(MotoAws.list(Collectors.forType("aws_ecs_service").orElseThrow(), false,
                state.managed()))).isEqualTo("CHANGED desired_count");
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
