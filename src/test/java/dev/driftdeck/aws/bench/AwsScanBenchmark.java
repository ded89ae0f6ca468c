package dev.driftdeck.aws.bench;

import dev.driftdeck.aws.AwsScanner;
import dev.driftdeck.aws.AwsSession;
import dev.driftdeck.aws.AwsTarget;
import dev.driftdeck.aws.Collectors;
import dev.driftdeck.aws.SessionOptions;
import dev.driftdeck.drift.ListingOutcome;
import dev.driftdeck.drift.LiveInventory;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Seeds moto with about 2,000 resources across the families, scans every type once with production session
 * settings (adaptive retry, 20 requests/s per service, 8 scopes at once, 2 per service) and prints wall time,
 * API calls per service against the pagination floor, and peak heap. Not a test: run it by hand, see
 * docs/BENCHMARKS.md for the command.
 */
public final class AwsScanBenchmark {

    private AwsScanBenchmark() {
    }

    /** The regions of the multi-region run: the seeded one and three empty ones. */
    private static final List<String> FOUR_REGIONS = List.of(MotoClients.REGION, "us-west-2", "eu-west-1", "eu-central-1");

    public static void main(String[] args) {
        MotoServer moto = MotoServer.shared();
        System.out.println(Collectors.all().size() + " collectors (" + Collectors.supportedTypes().size()
                + " types with aliases)");
        moto.reset();
        scan("empty region", moto, List.of(MotoClients.REGION));

        Map<String, Integer> seeded = seed();
        System.out.println("seeded " + seeded.values().stream().mapToInt(Integer::intValue).sum() + " resources: " + seeded);
        scan("~2,000 resources, 1 region", moto, List.of(MotoClients.REGION));
        scan("~2,000 resources, 4 regions", moto, FOUR_REGIONS);
        System.out.println("pagination floor (seeded list-only types): " + floor(seeded));
    }

    /** One scan of every type with production session settings; prints wall time, calls and peak heap. */
    private static void scan(String title, MotoServer moto, List<String> regions) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        System.gc();
        long started = System.nanoTime();
        LiveInventory inventory;
        SessionOptions production = SessionOptions.defaults();
        try (AwsSession session = AwsSession.open(new AwsTarget(null, MotoClients.REGION, moto.endpoint()),
                MotoClients.CREDENTIALS, production)) {
            inventory = new AwsScanner().scan(session, regions, Collectors.all(), false);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long listed = inventory.outcomes().stream()
                .mapToLong(o -> o instanceof ListingOutcome.Listed l ? l.resources().size() : 0).sum();
        long failed = inventory.outcomes().stream().filter(o -> o instanceof ListingOutcome.Failed).count();
        long calls = inventory.apiCalls().values().stream().mapToLong(Long::longValue).sum();

        System.out.printf("%n== %s (%s)%nscan: %d ms wall, %d API calls, %d live resources listed, %d scopes,"
                        + " %d failed scopes, peak heap %d MB%n", title, String.join(", ", regions), millis, calls,
                listed, inventory.outcomes().size(), failed, peakHeap / (1024 * 1024));
        inventory.outcomes().stream().filter(o -> o instanceof ListingOutcome.Failed)
                .forEach(o -> System.out.println("  failed: " + o));
        System.out.println("API calls per service: " + new java.util.TreeMap<>(inventory.apiCalls()));
    }

    /** ceil(N / page) per seeded type, with the page size each listing call uses. */
    private static Map<String, Integer> floor(Map<String, Integer> seeded) {
        Map<String, Integer> pageSize = Map.of("subnets", 1000, "security groups", 1000, "iam (all entities)", 100,
                "sqs queues", 1000, "sns topics", 100, "log groups", 50, "ssm parameters", 50, "secrets", 100,
                "s3 buckets", 10_000);
        Map<String, Integer> floor = new LinkedHashMap<>();
        seeded.forEach((type, n) -> floor.put(type, (n + pageSize.get(type) - 1) / pageSize.get(type)));
        return floor;
    }

    private static Map<String, Integer> seed() {
        Map<String, Integer> seeded = new LinkedHashMap<>();
        try (Ec2Client ec2 = MotoClients.ec2()) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
            for (int i = 0; i < 250; i++) {
                String cidr = "10.0." + i + ".0/24";
                ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr));
            }
            seeded.put("subnets", 250);
            for (int i = 0; i < 300; i++) {
                String name = "sg-" + i;
                ec2.createSecurityGroup(r -> r.groupName(name).description(name).vpcId(vpc));
            }
            seeded.put("security groups", 300);
        }
        try (IamClient iam = MotoClients.iam()) {
            String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
            for (int i = 0; i < 200; i++) {
                String name = "role-" + i;
                iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust));
                iam.createUser(r -> r.userName("user-" + name));
            }
            seeded.put("iam (all entities)", 400);
        }
        try (SqsClient sqs = MotoClients.of(SqsClient.builder()); SnsClient sns = MotoClients.of(SnsClient.builder())) {
            for (int i = 0; i < 300; i++) {
                String name = "queue-" + i;
                sqs.createQueue(r -> r.queueName(name));
            }
            seeded.put("sqs queues", 300);
            for (int i = 0; i < 200; i++) {
                String name = "topic-" + i;
                sns.createTopic(r -> r.name(name));
            }
            seeded.put("sns topics", 200);
        }
        try (CloudWatchLogsClient logs = MotoClients.of(CloudWatchLogsClient.builder());
             SsmClient ssm = MotoClients.of(SsmClient.builder());
             SecretsManagerClient secrets = MotoClients.of(SecretsManagerClient.builder())) {
            for (int i = 0; i < 200; i++) {
                String name = "/bench/group-" + i;
                logs.createLogGroup(r -> r.logGroupName(name));
                ssm.putParameter(r -> r.name("/bench/p-" + name.hashCode()).value("v").type(ParameterType.STRING));
            }
            seeded.put("log groups", 200);
            seeded.put("ssm parameters", 200);
            for (int i = 0; i < 100; i++) {
                String name = "secret-" + i;
                secrets.createSecret(r -> r.name(name).secretString("x"));
            }
            seeded.put("secrets", 100);
        }
        try (S3Client s3 = MotoClients.s3()) {
            for (int i = 0; i < 100; i++) {
                String name = "bench-bucket-" + i;
                s3.createBucket(r -> r.bucket(name));
            }
            seeded.put("s3 buckets", 100);
        }
        return seeded;
    }
}
