package dev.driftdeck.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * "Operator" SDK clients on the moto server of the running test ({@link MotoServer#current()}): what a test uses to create or break resources, kept apart
 * from the sessions Driftdeck builds so their calls never count as Driftdeck's.
 */
public final class MotoClients {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private MotoClients() {
    }

    public static Ec2Client ec2() {
        return Ec2Client.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint()).build();
    }

    public static S3Client s3() {
        return S3Client.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint()).forcePathStyle(true).build();
    }

    public static IamClient iam() {
        return IamClient.builder().region(Region.AWS_GLOBAL).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint()).build();
    }

    /** Any other operator client, e.g. {@code MotoClients.of(SqsClient.builder())}, in {@link #REGION}. */
    public static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C of(B builder) {
        return builder.region(Region.of(REGION)).credentialsProvider(CREDENTIALS).endpointOverride(endpoint()).build();
    }

    /** As {@link #of}, in the global region (IAM, Route53). */
    public static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C global(B builder) {
        return builder.region(Region.AWS_GLOBAL).credentialsProvider(CREDENTIALS).endpointOverride(endpoint()).build();
    }

    /**
     * Makes the default credential chain find moto's fake keys, as {@code AWS_ACCESS_KEY_ID} would for a user:
     * for tests that run the CLI or the console in-process.
     */
    public static void useFakeCredentialsForDefaultChain() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    private static URI endpoint() {
        return URI.create(MotoServer.current().endpoint());
    }
}
