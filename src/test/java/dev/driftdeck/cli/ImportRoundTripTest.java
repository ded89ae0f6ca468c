package dev.driftdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.store.Database;
import dev.driftdeck.store.ScanRepository;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import dev.driftdeck.testing.PrivateMoto;
import dev.driftdeck.testing.TerraformApply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The import round trip with real Terraform: resources made by hand (the SDK, as an operator's console clicks would)
 * are UNMANAGED; Driftdeck's {@code import.tf} lets {@code terraform plan -generate-config-out} write their
 * configuration and plan nothing but imports; after {@code terraform apply} the next scan finds them all managed and
 * in sync, and nothing unmanaged. One init, one plan, one apply for every type.
 */
@PrivateMoto
class ImportRoundTripTest {

    @TempDir
    Path workDir;

    @Test
    void unmanagedResourcesImportedFromTheExportAreManagedAndInSyncAfterApply() throws Exception {
        MotoServer moto = MotoServer.current();
        moto.reset();
        MotoClients.useFakeCredentialsForDefaultChain();
        createByHand();
        Path db = workDir.resolve("db/driftdeck");
        Path emptyState = Files.writeString(workDir.resolve("empty.tfstate"), """
                {"version": 4, "terraform_version": "1.11.4", "serial": 1, "lineage": "none", "outputs": {},
                 "resources": []}""");

        Result before = cli("scan", "--state", emptyState.toString(), "--region", MotoClients.REGION,
                "--endpoint-url", moto.endpoint(), "--output", "json", "--db", db.toString());
        JsonNode unmanaged = new ObjectMapper().readTree(before.out()).path("unmanaged");
        Map<String, Integer> byType = new TreeMap<>();
        unmanaged.forEach(resource -> byType.merge(resource.path("type").asText(), 1, Integer::sum));
        assertThat(byType.keySet()).as(before.err()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(unmanaged.size()).isGreaterThanOrEqualTo(10);

        Path tf = Files.createDirectories(workDir.resolve("tf"));
        Result export = cli("export", "--scan", "latest", "--output", "import-tf", "--out",
                tf.resolve("import.tf").toString(), "--db", db.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        String importFile = Files.readString(tf.resolve("import.tf"));
        assertThat(importFile).contains("terraform plan -generate-config-out=generated.tf");
        long blocks = importFile.lines().filter(line -> line.equals("import {")).count();
        assertThat(blocks).isEqualTo(unmanaged.size());

        Files.writeString(tf.resolve("main.tf"), providerFor(moto.endpoint()));
        TerraformApply.command(tf, "init", "-input=false", "-no-color");
        // Generation writes the configuration even when its plan fails on the arguments the provider rejects
        // (docs/remediation.md); fix-generated removes those, and the second plan only imports.
        assertThatThrownBy(() -> TerraformApply.command(tf, "plan", "-input=false", "-no-color",
                "-generate-config-out=generated.tf")).hasMessageContaining("generated.tf");
        Result fixed = cli("fix-generated", tf.resolve("generated.tf").toString());
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        String plan = TerraformApply.command(tf, "plan", "-input=false", "-no-color", "-out=import.plan");
        assertThat(plan).as(plan).contains("Plan: " + blocks + " to import, 0 to add, 0 to change, 0 to destroy.");
        TerraformApply.command(tf, "apply", "-input=false", "-no-color", "import.plan");

        Result after = cli("scan", "--state", tf.resolve("terraform.tfstate").toString(), "--region",
                MotoClients.REGION, "--endpoint-url", moto.endpoint(), "--output", "json", "--db", db.toString());
        assertThat(after.exitCode()).as(after.out() + after.err()).isZero();
        try (Database database = Database.open(db)) {
            ScanRepository scans = new ScanRepository(database);
            ScanReport scan = scans.load(scans.latest().orElseThrow().id()).orElseThrow();
            Map<FindingStatus, Long> statuses = scan.findings().stream()
                    .collect(Collectors.groupingBy(Finding::status, TreeMap::new, Collectors.counting()));
            assertThat(statuses).as(scan.findings().toString())
                    .containsExactly(Map.entry(FindingStatus.IN_SYNC, blocks));
        }
    }

    /** Eleven and more resources of nine types, as an operator makes them outside Terraform. */
    private static void createByHand() {
        Ec2Client ec2 = MotoClients.ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.77.0.0/16").tagSpecifications(t -> t
                .resourceType(ResourceType.VPC).tags(tag -> tag.key("Name").value("imported \"net\"")))).vpc().vpcId();
        ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.77.1.0/24"));
        ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("imported-web").description("web"));

        IamClient iam = MotoClients.iam();
        iam.createRole(r -> r.roleName("imported-deployer").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},\
                "Action":"sts:AssumeRole"}]}"""));
        String policy = iam.createPolicy(r -> r.policyName("imported-read").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""))
                .policy().arn();
        iam.attachRolePolicy(r -> r.roleName("imported-deployer").policyArn(policy));

        S3Client s3 = MotoClients.s3();
        s3.createBucket(r -> r.bucket("imported-assets"));
        s3.putBucketVersioning(r -> r.bucket("imported-assets")
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));

        SqsClient sqs = MotoClients.of(SqsClient.builder());
        sqs.createQueue(r -> r.queueName("imported-orders"));
        sqs.createQueue(r -> r.queueName("imported-orders-dlq"));
        MotoClients.of(SnsClient.builder()).createTopic(r -> r.name("imported-alerts"));
        MotoClients.of(DynamoDbClient.builder()).createTable(r -> r.tableName("imported-sessions")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        // No KMS key: against moto 5.2.1 its import reads no key_usage back, and the plan replaces the key
        // (docs/remediation.md).
    }

    private static String providerFor(String endpoint) {
        String services = List.of("ec2", "iam", "s3", "sqs", "sns", "dynamodb", "kms", "sts").stream()
                .map(service -> "    " + service + " = \"" + endpoint + "\"").collect(Collectors.joining("\n"));
        return """
                terraform {
                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = "5.100.0"
                    }
                  }
                }

                provider "aws" {
                  region                      = "us-east-1"
                  access_key                  = "testing"
                  secret_key                  = "testing"
                  s3_use_path_style           = true
                  skip_credentials_validation = true
                  skip_metadata_api_check     = true
                  skip_region_validation      = true
                  skip_requesting_account_id  = false

                  endpoints {
                %s
                  }
                }
                """.formatted(services);
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DriftdeckCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
