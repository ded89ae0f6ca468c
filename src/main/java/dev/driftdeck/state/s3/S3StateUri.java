package dev.driftdeck.state.s3;

import dev.driftdeck.state.StateException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An S3 state source as the operator writes it, one string so that {@code --state URI} and the console's source
 * list stay plain strings:
 * <pre>
 * s3://bucket/path/terraform.tfstate                      one object
 * s3://bucket/states/                                     every non-empty *.tfstate under the prefix
 * s3://bucket/app.tfstate?workspaces=*                    the default workspace and every env:/&lt;ws&gt;/app.tfstate
 * s3://bucket/app.tfstate?workspaces=dev,prod             only those workspaces ("default" is the base key)
 * s3://bucket/app.tfstate?workspaces=*&amp;workspace_key_prefix=workspaces   Terraform's workspace_key_prefix
 * s3://bucket/app.tfstate?profile=tooling&amp;region=eu-west-1&amp;role_arn=arn:aws:iam::111122223333:role/state-reader
 * </pre>
 * The access parameters are for a state bucket that lives apart from the scanned accounts; without them the scan's
 * own profile, region and endpoint are used.
 *
 * @param workspaces         empty: no workspace expansion; {@code ["*"]}: every workspace; else the chosen ones
 * @param workspaceKeyPrefix Terraform's {@code workspace_key_prefix}, {@code env:} unless set
 */
public record S3StateUri(String bucket, String key, String profile, String region, String roleArn,
                         List<String> workspaces, String workspaceKeyPrefix) {

    public static final String ALL_WORKSPACES = "*";
    public static final String DEFAULT_WORKSPACE = "default";
    private static final Set<String> PARAMETERS = Set.of("profile", "region", "role_arn", "workspaces",
            "workspace_key_prefix");
    // The rules S3 applies to new bucket names (lower case, digits, dots, hyphens; 3 to 63 characters).
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    public S3StateUri {
        workspaces = List.copyOf(workspaces);
    }

    public static boolean isS3(String uri) {
        return uri != null && uri.startsWith("s3://");
    }

    public static S3StateUri parse(String uri) throws StateException {
        if (!isS3(uri)) {
            throw new StateException("State source " + uri + " is not an S3 URI: write s3://bucket/key.");
        }
        String rest = uri.substring("s3://".length());
        String query = "";
        int questionMark = rest.indexOf('?');
        if (questionMark >= 0) {
            query = rest.substring(questionMark + 1);
            rest = rest.substring(0, questionMark);
        }
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches()) {
            throw new StateException("State source " + uri + ": '" + bucket + "' is not an S3 bucket name "
                    + "(3 to 63 lower-case letters, digits, dots or hyphens). Write s3://bucket/key or s3://bucket/prefix/.");
        }
        if (key.isEmpty()) {
            throw new StateException("State source " + uri + " names a bucket but no key: write s3://" + bucket
                    + "/path/terraform.tfstate for one state or s3://" + bucket + "/prefix/ for every state under it.");
        }
        Map<String, String> parameters = parameters(uri, query);
        List<String> workspaces = parameters.containsKey("workspaces")
                ? Arrays.stream(parameters.get("workspaces").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        if (!workspaces.isEmpty() && key.endsWith("/")) {
            throw new StateException("State source " + uri + ": workspaces need the backend's key (s3://" + bucket
                    + "/app.tfstate?workspaces=*), not a prefix.");
        }
        String roleArn = parameters.get("role_arn");
        if (roleArn != null && !ROLE_ARN.matcher(roleArn).matches()) {
            throw new StateException("State source " + uri + ": role_arn '" + roleArn
                    + "' is not an IAM role ARN (arn:aws:iam::123456789012:role/name).");
        }
        String prefix = parameters.getOrDefault("workspace_key_prefix", "env:");
        return new S3StateUri(bucket, key, parameters.get("profile"), parameters.get("region"), roleArn, workspaces,
                prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    }

    private static Map<String, String> parameters(String uri, String query) throws StateException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (!PARAMETERS.contains(name)) {
                throw new StateException("State source " + uri + ": unknown parameter '" + name + "'. Known: "
                        + String.join(", ", PARAMETERS.stream().sorted().toList()) + ".");
            }
            if (value.isBlank()) {
                throw new StateException("State source " + uri + ": parameter '" + name + "' has no value.");
            }
            parameters.put(name, value);
        }
        return parameters;
    }

    public boolean isPrefix() {
        return key.endsWith("/");
    }

    public boolean allWorkspaces() {
        return workspaces.contains(ALL_WORKSPACES);
    }

    /** The key of {@code workspace}'s state, as Terraform's S3 backend writes it. */
    public String workspaceKey(String workspace) {
        return DEFAULT_WORKSPACE.equals(workspace) ? key : workspaceKeyPrefix + "/" + workspace + "/" + key;
    }

    /** {@code s3://bucket/key} of one object: how findings and snapshots name where a resource came from. */
    public String objectUri(String objectKey) {
        return "s3://" + bucket + "/" + objectKey;
    }
}
