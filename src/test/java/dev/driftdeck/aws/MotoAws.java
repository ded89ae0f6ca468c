package dev.driftdeck.aws;

import dev.driftdeck.drift.LiveResource;
import dev.driftdeck.testing.MotoClients;
import dev.driftdeck.testing.MotoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Test wiring against the real moto server: a Driftdeck session as the product builds it, and separate
 * "operator" clients that create resources (so their calls never show up in the session's counter).
 */
final class MotoAws {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final StaticCredentialsProvider CREDENTIALS = MotoClients.CREDENTIALS;
    static final SessionOptions FAST = new SessionOptions(1, Duration.ofMillis(300), Duration.ofSeconds(10));

    private MotoAws() {
    }

    static String endpoint() {
        return MotoServer.shared().endpoint();
    }

    static AwsSession session() {
        return session(endpoint());
    }

    static AwsSession session(String endpoint) {
        return AwsSession.open(new AwsTarget(null, REGION, endpoint), CREDENTIALS, FAST);
    }

    static Ec2Client operatorEc2() {
        return MotoClients.ec2();
    }

    static S3Client operatorS3() {
        return MotoClients.s3();
    }

    static IamClient operatorIam() {
        return MotoClients.iam();
    }

    /** Lists one collector's scope the way the scanner does, with nothing managed. */
    static List<LiveResource> list(Collector collector, boolean strict) {
        return list(collector, strict, ManagedState.NONE);
    }

    static List<LiveResource> list(Collector collector, boolean strict, ManagedState managed) {
        try (AwsSession session = session()) {
            String region = collector.global() ? "global" : REGION;
            return collector.list(new CollectorContext(session, session.accountId(), region, strict, managed));
        }
    }

    /**
     * Lists one type as a scan of a state that manages every resource of it (and every parent it hangs off) would:
     * first unmanaged to learn the ids, then again managing them, so the detail calls run.
     */
    static List<LiveResource> list(String type, boolean strict) {
        Collector collector = dev.driftdeck.aws.Collectors.forType(type).orElseThrow();
        Map<String, Map<String, Map<String, Object>>> managed = new java.util.HashMap<>();
        // The type last, under its managed parents: children without an account-wide listing (ECS services, listeners)
        // are found only under a parent the state manages.
        for (String parent : List.of("aws_s3_bucket", "aws_route53_zone", "aws_lb", "aws_ecs_cluster",
                "aws_lambda_function", type)) {
            Map<String, Map<String, Object>> ids = new java.util.HashMap<>();
            list(dev.driftdeck.aws.Collectors.forType(parent).orElseThrow(), strict, new ManagedState(managed))
                    .forEach(r -> ids.put(r.id(), Map.of()));
            managed.merge(parent, ids, (a, b) -> { a.putAll(b); return a; });
        }
        return list(collector, strict, new ManagedState(managed));
    }

    static Map<String, LiveResource> byId(List<LiveResource> resources) {
        return resources.stream().collect(Collectors.toMap(LiveResource::id, Function.identity()));
    }
}
