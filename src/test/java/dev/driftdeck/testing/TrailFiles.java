package dev.driftdeck.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * CloudTrail log files as a trail delivers them to S3 (userguide, "Finding your CloudTrail log files" and "CloudTrail
 * log file examples"): {@code <prefix>AWSLogs/[o-org/]<account>/CloudTrail/<region>/YYYY/MM/DD/
 * <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz}, gzip JSON {@code {"Records": [...]}}.
 */
public final class TrailFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    public static final String CONSOLE = "console.ec2.amazonaws.com";

    private TrailFiles() {
    }

    /** The key of a file delivered at {@code delivered}; {@code orgId} null for an account trail. */
    public static String key(String prefix, String orgId, String account, String region, Instant delivered) {
        return prefix + "AWSLogs/" + (orgId == null ? "" : orgId + "/") + account + "/CloudTrail/" + region + "/"
                + DAY.format(delivered) + "/" + account + "_CloudTrail_" + region + "_" + STAMP.format(delivered)
                + "_" + "Ab3dEf6hIj9kLm0n" + ".json.gz";
    }

    /** Puts one gzip log file holding {@code records}. */
    public static void put(S3Client s3, String bucket, String key, List<ObjectNode> records) {
        ObjectNode file = JSON.createObjectNode();
        records.forEach(file.putArray("Records")::add);
        put(s3, bucket, key, gzip(file.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static void put(S3Client s3, String bucket, String key, byte[] body) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(body));
    }

    /**
     * One management event by an IAM user on a security group, as CloudTrail records {@code
     * AuthorizeSecurityGroupIngress} (readOnly false; the group in {@code requestParameters.groupId}).
     */
    public static ObjectNode securityGroupEvent(String eventId, String userArn, String userName, String eventName,
                                                Instant time, String userAgent, String groupId) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "1.10");
        record.putObject("userIdentity").put("type", "IAMUser").put("principalId", "AIDA" + userName.toUpperCase())
                .put("arn", userArn).put("accountId", MotoClients.ACCOUNT).put("accessKeyId", "ASIAEXAMPLE")
                .put("userName", userName);
        record.put("eventTime", time.toString()).put("eventSource", "ec2.amazonaws.com").put("eventName", eventName)
                .put("awsRegion", MotoClients.REGION).put("sourceIPAddress", "198.51.100.23").put("userAgent", userAgent);
        ObjectNode parameters = record.putObject("requestParameters");
        parameters.put("groupId", groupId);
        parameters.putObject("ipPermissions").putArray("items").addObject().put("ipProtocol", "tcp")
                .put("fromPort", 22).put("toPort", 22).putObject("ipRanges").putArray("items").addObject()
                .put("cidrIp", "0.0.0.0/0");
        record.putObject("responseElements").put("requestId", "req-" + eventId).put("_return", true);
        record.put("requestID", "req-" + eventId).put("eventID", eventId).put("readOnly", eventName.startsWith("Describe"))
                .put("eventType", "AwsApiCall").put("managementEvent", true)
                .put("recipientAccountId", MotoClients.ACCOUNT).put("eventCategory", "Management");
        return record;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
