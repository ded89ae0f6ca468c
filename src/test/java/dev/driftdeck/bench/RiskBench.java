package dev.driftdeck.bench;

import dev.driftdeck.drift.AttributeDiff;
import dev.driftdeck.drift.DiffKind;
import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingSeverity;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.risk.RiskCatalogue;
import dev.driftdeck.risk.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 14: classifying a 100,000-finding scan (rules + severity) in at most 1 s total. Worst case: every finding is
 * drift and goes through the catalogue (a real scan is ~90% in sync, which is never evaluated). Eight shapes in turn:
 * a security group opening SSH, a bucket policy made public, an inline role policy widened to "*", an unmanaged
 * AdministratorAccess attachment, IMDSv1 allowed, KMS rotation off, versioning suspended, a tag-only change.
 * Arguments: [size] [warm-up runs] [measured runs], default 100000 5 9.
 */
public final class RiskBench {

    private static final String ACCOUNT = "123456789012";

    private record Drift(FindingStatus status, String type, Map<String, Object> state, Map<String, Object> live,
                         List<AttributeDiff> diffs) {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        BenchSupport.header("classify " + size + " drifted findings against " + RiskCatalogue.standard().rules().size()
                + " rules");
        List<Drift> drifts = drifts(size);
        List<Finding> graded = null;
        for (int i = 0; i < warmups; i++) {
            graded = classify(drifts);
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            graded = classify(drifts);
            times.add(BenchSupport.millis(System.nanoTime() - start));
            cpu.add(BenchSupport.millis(threads.getCurrentThreadCpuTime() - cpuStart));
        }
        System.out.println("CPU of the classifying thread: " + BenchSupport.summary(cpu));
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        graded.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        System.out.println("severities: " + counts);
        System.out.println("classify: " + BenchSupport.summary(times));
        BenchSupport.check(BenchSupport.median(times) <= 1000, "classify 100k findings <= 1 s");
    }

    private static List<Finding> classify(List<Drift> drifts) {
        RiskCatalogue catalogue = RiskCatalogue.standard();
        List<Finding> graded = new ArrayList<>(drifts.size());
        int i = 0;
        for (Drift shared : drifts) {
            // each finding has its own texts, as read from a state and from AWS: no parse is shared between findings
            Drift drift = copyTexts(shared);
            Finding finding = new Finding(drift.status(), drift.type(), "id-" + i++, null, ACCOUNT, "us-east-1", null,
                    drift.diffs(), null);
            graded.add(finding.withRisks(catalogue.assess(drift.type(), ACCOUNT, drift.state(), drift.live(),
                    drift.status() == FindingStatus.CHANGED ? FindingSeverity.changedAttributes(drift.diffs()) : null)));
        }
        return graded;
    }

    private static Drift copyTexts(Drift drift) {
        return new Drift(drift.status(), drift.type(), copy(drift.state()), copy(drift.live()), drift.diffs());
    }

    private static Map<String, Object> copy(Map<String, Object> attributes) {
        if (attributes == null) {
            return null;
        }
        Map<String, Object> copy = new java.util.HashMap<>(attributes);
        copy.replaceAll((name, value) -> value instanceof String text ? new String(text) : value);
        return copy;
    }

    private static List<Drift> drifts(int size) {
        Map<String, Object> https = Map.of("protocol", "tcp", "from_port", 443, "to_port", 443,
                "cidr_blocks", List.of("0.0.0.0/0"), "ipv6_cidr_blocks", List.of());
        Map<String, Object> ssh = Map.of("protocol", "tcp", "from_port", 22, "to_port", 22,
                "cidr_blocks", List.of("0.0.0.0/0"), "ipv6_cidr_blocks", List.of());
        String privatePolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        String publicPolicy = privatePolicy.replace("{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}", "\"*\"");
        String narrow = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\"],"
                + "\"Resource\":\"arn:aws:sqs:us-east-1:" + ACCOUNT + ":q\"}]}";
        String admin = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        List<Drift> shapes = List.of(
                changed("aws_security_group", "ingress", List.of(https), List.of(https, ssh)),
                changed("aws_s3_bucket_policy", "policy", privatePolicy, publicPolicy),
                changed("aws_iam_role_policy", "policy", narrow, admin),
                new Drift(FindingStatus.UNMANAGED, "aws_iam_user_policy_attachment", null,
                        Map.of("user", "mallory", "policy_arn", "arn:aws:iam::aws:policy/AdministratorAccess"), List.of()),
                changed("aws_instance", "metadata_options", List.of(Map.of("http_tokens", "required")),
                        List.of(Map.of("http_tokens", "optional"))),
                changed("aws_kms_key", "enable_key_rotation", true, false),
                changed("aws_s3_bucket_versioning", "versioning_configuration", List.of(Map.of("status", "Enabled")),
                        List.of(Map.of("status", "Suspended"))),
                changed("aws_sqs_queue", "tags", Map.of("Owner", "ops"), Map.of("Owner", "dev")));
        List<Drift> drifts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            drifts.add(shapes.get(i % shapes.size()));
        }
        return drifts;
    }

    private static Drift changed(String type, String attribute, Object before, Object after) {
        return new Drift(FindingStatus.CHANGED, type, Map.of(attribute, before), Map.of(attribute, after),
                List.of(new AttributeDiff(List.of(attribute), String.valueOf(before), String.valueOf(after),
                        DiffKind.CHANGED)));
    }
}
