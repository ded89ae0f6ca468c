package dev.driftdeck.testing;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts small, valid tfstate objects into moto S3 as an operator would (terraform apply with an S3 backend). */
public final class S3States {

    private S3States() {
    }

    /** A format-4 state with one SQS queue per name, at {@code serial}. */
    public static String state(long serial, String lineage, String... queues) {
        StringBuilder resources = new StringBuilder();
        for (String queue : queues) {
            if (!resources.isEmpty()) {
                resources.append(',');
            }
            resources.append("""
                    {"mode":"managed","type":"aws_sqs_queue","name":"%1$s",
                     "provider":"provider[\\"registry.terraform.io/hashicorp/aws\\"]",
                     "instances":[{"schema_version":0,"attributes":{
                       "id":"https://sqs.us-east-1.amazonaws.com/123456789012/%1$s","name":"%1$s"}}]}
                    """.formatted(queue));
        }
        return """
                {"version":4,"terraform_version":"1.9.8","serial":%d,"lineage":"%s","outputs":{},"resources":[%s]}
                """.formatted(serial, lineage, resources);
    }

    public static void put(String bucket, String key, String body) {
        try (S3Client s3 = MotoClients.s3()) {
            s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
        }
    }

    public static void bucket(String bucket) {
        try (S3Client s3 = MotoClients.s3()) {
            s3.createBucket(r -> r.bucket(bucket));
        }
    }
}
