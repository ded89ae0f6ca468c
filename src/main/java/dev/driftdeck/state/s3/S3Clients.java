package dev.driftdeck.state.s3;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One S3 client per {@link S3Access}, built on first use and kept for the life of the process: the state buckets
 * are few and the sync runs every few minutes, so connections and assumed-role sessions are reused. Built straight on
 * the SDK (not {@code aws.AwsSession}) because {@code state} sits below {@code aws} in the layering.
 */
public final class S3Clients implements AutoCloseable {

    private final Map<S3Access, S3Client> clients = new ConcurrentHashMap<>();
    private final List<SdkAutoCloseable> owned = new ArrayList<>();

    public S3Client client(S3Access access) {
        return clients.computeIfAbsent(access, this::build);
    }

    private synchronized S3Client build(S3Access access) {
        AwsCredentialsProvider credentials = access.profile() == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(access.profile());
        if (access.roleArn() != null) {
            var sts = StsClient.builder().region(Region.of(access.region())).credentialsProvider(credentials);
            if (access.endpoint() != null) {
                sts.endpointOverride(URI.create(access.endpoint()));
            }
            StsClient stsClient = sts.build();
            owned.add(stsClient);
            StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(stsClient)
                    .refreshRequest(r -> r.roleArn(access.roleArn()).roleSessionName("driftdeck-state"))
                    .build();
            owned.add(assumed);
            credentials = assumed;
        }
        var builder = S3Client.builder()
                .region(Region.of(access.region()))
                .credentialsProvider(credentials)
                // A state bucket in another region than the client's is followed there instead of failing.
                .crossRegionAccessEnabled(true)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofMinutes(2))
                        .build());
        if (access.endpoint() != null) {
            // Emulators (moto) serve buckets by path, not by virtual host.
            builder.endpointOverride(URI.create(access.endpoint())).forcePathStyle(true);
        }
        S3Client client = builder.build();
        owned.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        owned.forEach(SdkAutoCloseable::close);
        owned.clear();
        clients.clear();
    }
}
