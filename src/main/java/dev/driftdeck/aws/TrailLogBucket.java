package dev.driftdeck.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftdeck.attribution.TrailAccessException;
import dev.driftdeck.attribution.TrailRecords;
import dev.driftdeck.attribution.TrailSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A trail's log files in S3 ({@code --cloudtrail s3://bucket/prefix/}): {@code <prefix>AWSLogs/<account>/CloudTrail/
 * <region>/YYYY/MM/DD/*.json.gz}, or with an organisation trail {@code <prefix>AWSLogs/o-<org>/<account>/...}. Only
 * the day folders of the window are listed, each once per scan, and each file is read once: gzip JSON
 * {@code {"Records": [...]}}, of which only the write events are kept. A file is named by its delivery time, which is
 * after its events, so the folders from the window's first day to its last hold every event of the window.
 */
public final class TrailLogBucket implements TrailSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final AwsSession session;
    private final String bucket;
    private final String prefix;
    private final Map<String, List<String>> accountFolders = new HashMap<>();
    private final Map<String, List<String>> dayListings = new HashMap<>();
    private final Map<String, List<JsonNode>> writesByFile = new HashMap<>();

    private TrailLogBucket(AwsSession session, String bucket, String prefix) {
        this.session = session;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /**
     * The trail files under {@code uri}, read with the session's credentials.
     *
     * @throws IllegalArgumentException when {@code uri} is no {@code s3://bucket[/prefix/]} URI
     */
    public static TrailLogBucket of(AwsSession session, String uri) {
        String[] parts = TrailBucketUri.split(uri);
        return new TrailLogBucket(session, parts[0], parts[1]);
    }

    /**
     * Checks that {@code uri} can name a trail's logs, before a scan starts.
     *
     * @throws IllegalArgumentException saying what is wrong and what to give instead
     */
    public static void checkUri(String uri) {
        TrailBucketUri.split(uri);
    }

    @Override
    public String describe() {
        return "trail logs in s3://" + bucket + "/" + prefix;
    }

    @Override
    public boolean callPerLookup() {
        return false;
    }

    @Override
    public synchronized List<JsonNode> records(String account, String region, String resourceName, Instant from,
                                               Instant to) {
        List<JsonNode> found = new ArrayList<>();
        for (String folder : accountFolders(account)) {
            LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
            for (LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                for (String key : dayListing(folder + "CloudTrail/" + region + "/" + DAY.format(day) + "/")) {
                    for (JsonNode record : writes(key)) {
                        Instant time = TrailRecords.time(record);
                        if (!time.isBefore(from) && !time.isAfter(to) && TrailRecords.mentions(record, resourceName)) {
                            found.add(record);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** {@code AWSLogs/<account>/}, and {@code AWSLogs/o-<org>/<account>/} for each organisation trail folder. */
    private List<String> accountFolders(String account) {
        return accountFolders.computeIfAbsent(account, a -> {
            String logs = prefix + "AWSLogs/";
            List<String> folders = new ArrayList<>();
            try {
                for (CommonPrefix child : session.s3().listObjectsV2Paginator(request -> request.bucket(bucket)
                        .prefix(logs).delimiter("/")).commonPrefixes()) {
                    String name = child.prefix().substring(logs.length());
                    if (name.equals(account + "/")) {
                        folders.add(child.prefix());
                    } else if (name.startsWith("o-")) {
                        folders.add(child.prefix() + account + "/");
                    }
                }
            } catch (SdkException e) {
                throw failure("Listing s3://" + bucket + "/" + logs + " for account " + account, e, "s3:ListBucket");
            }
            return folders;
        });
    }

    private List<String> dayListing(String dayPrefix) {
        return dayListings.computeIfAbsent(dayPrefix, p -> {
            try {
                return session.s3().listObjectsV2Paginator(request -> request.bucket(bucket).prefix(p)).contents()
                        .stream().map(S3Object::key).filter(key -> key.endsWith(".json.gz")).toList();
            } catch (SdkException e) {
                throw failure("Listing s3://" + bucket + "/" + p, e, "s3:ListBucket");
            }
        });
    }

    private List<JsonNode> writes(String key) {
        return writesByFile.computeIfAbsent(key, k -> {
            try (InputStream object = session.s3().getObject(request -> request.bucket(bucket).key(k));
                 InputStream json = new GZIPInputStream(object)) {
                List<JsonNode> writes = new ArrayList<>();
                for (JsonNode record : JSON.readTree(json).path("Records")) {
                    if (TrailRecords.writeEvent(record).isPresent()) {
                        writes.add(record);
                    }
                }
                return writes;
            } catch (SdkException e) {
                throw failure("Reading s3://" + bucket + "/" + k, e, "s3:GetObject");
            } catch (IOException e) {
                throw new TrailAccessException("Reading s3://" + bucket + "/" + k + " failed: it is not a gzip"
                        + " CloudTrail log file (" + e.getMessage() + "). Check that --cloudtrail names the trail's"
                        + " bucket and prefix.", null, new UncheckedIOException(e));
            }
        });
    }

    private TrailAccessException failure(String where, SdkException error, String action) {
        TrailFailures.stopIfAsked(session, error);
        return TrailFailures.of(where, error, action);
    }
}
