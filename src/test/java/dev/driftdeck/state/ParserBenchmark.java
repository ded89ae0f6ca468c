package dev.driftdeck.state;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: a benchmark main. Writes a synthetic format-4 state of the requested size (IAM roles with policy
 * documents, SQS queues with for_each keys in a module, instances with sensitive attributes, data sources and
 * outputs), parses it once to warm up and once measured, and prints parse time and the peak heap of the JVM.
 * <pre>
 * mvn -B -o -q test-compile &amp;&amp; mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx512m -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.driftdeck.state.ParserBenchmark 100
 * </pre>
 */
public final class ParserBenchmark {

    private ParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path file = Files.createTempFile("driftdeck-bench-", ".tfstate");
        try {
            int resources = write(file, megabytes * 1024L * 1024L);
            System.out.printf("state: %s, %.1f MB, %d resource blocks%n", file, Files.size(file) / 1048576.0, resources);
            TfStateParser parser = new TfStateParser();
            parser.parse(file); // warm-up: JIT, class loading
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            StateSnapshot snapshot = parser.parse(file);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("parsed %d managed instances in %d ms; peak heap %d MB (max heap %d MB)%n",
                    snapshot.resources().size(), millis, peakHeap() / 1048576,
                    Runtime.getRuntime().maxMemory() / 1048576);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes a state of about {@code targetBytes} (four resource kinds in turn); returns the number of blocks. */
    public static int write(Path file, long targetBytes) throws IOException {
        int count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"version\":4,\"terraform_version\":\"1.9.8\",\"serial\":1,\"lineage\":\"bench\",\"outputs\":"
                    + "{\"db_password\":{\"value\":\"hunter2\",\"type\":\"string\",\"sensitive\":true}},\"resources\":[");
            long written = 200;
            while (written < targetBytes) {
                String block = switch (count % 4) {
                    case 0 -> role(count);
                    case 1 -> queue(count);
                    case 2 -> instance(count);
                    default -> data(count);
                };
                out.write(count == 0 ? block : "," + block);
                written += block.length() + 1;
                count++;
            }
            out.write("]}");
        }
        return count;
    }

    private static String role(int n) {
        String policy = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Principal\\\":{\\\"Service\\\":\\\"lambda.amazonaws.com\\\"},\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}";
        return """
                {"mode":"managed","type":"aws_iam_role","name":"r%1$d","provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                 "instances":[{"schema_version":0,"attributes":{"id":"role-%1$d","name":"role-%1$d","arn":"arn:aws:iam::123456789012:role/role-%1$d",
                 "assume_role_policy":"%2$s","path":"/","max_session_duration":3600,"tags":{"team":"ops","n":"%1$d"},
                 "inline_policy":[],"managed_policy_arns":["arn:aws:iam::aws:policy/ReadOnlyAccess"],"unknown_new_field":{"x":[1,2,3]}},
                 "sensitive_attributes":[],"private":"eyJzY2hlbWFfdmVyc2lvbiI6IjAifQ=="}]}""".formatted(n, policy);
    }

    private static String queue(int n) {
        return """
                {"module":"module.queues[\\"q%1$d\\"]","mode":"managed","type":"aws_sqs_queue","name":"q","provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                 "instances":[{"index_key":"orders-%1$d","schema_version":0,"attributes":{"id":"https://sqs.us-east-1.amazonaws.com/123456789012/q%1$d",
                 "name":"q%1$d","arn":"arn:aws:sqs:us-east-1:123456789012:q%1$d","visibility_timeout_seconds":30,"message_retention_seconds":345600,
                 "tags":{"n":"%1$d"}},"sensitive_attributes":[]}]}""".formatted(n);
    }

    private static String instance(int n) {
        return """
                {"mode":"managed","type":"aws_instance","name":"web","provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                 "instances":[{"index_key":%1$d,"schema_version":1,"attributes":{"id":"i-%1$08x","ami":"ami-0abc","instance_type":"t3.micro",
                 "user_data":"secret-user-data-%1$d","subnet_id":"subnet-1","vpc_security_group_ids":["sg-1","sg-2"],
                 "root_block_device":[{"volume_size":8,"volume_type":"gp3","encrypted":true}],"tags":{"Name":"web-%1$d"}},
                 "sensitive_attributes":[[{"type":"get_attr","value":"user_data"}]]}]}""".formatted(n);
    }

    private static String data(int n) {
        return """
                {"mode":"data","type":"aws_iam_policy_document","name":"d%1$d","provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                 "instances":[{"schema_version":0,"attributes":{"id":"%1$d","json":"{\\"Version\\":\\"2012-10-17\\"}"}}]}""".formatted(n);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the live heap at any moment during the measured parse. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
