package dev.driftdeck.aws;

/** {@code s3://bucket/prefix/} as bucket and prefix (empty, or ending in one slash). */
final class TrailBucketUri {

    private TrailBucketUri() {
    }

    static String[] split(String uri) {
        if (uri == null || !uri.startsWith("s3://") || uri.length() <= "s3://".length()) {
            throw new IllegalArgumentException("The CloudTrail logs location '" + uri + "' is not an S3 URI: give the"
                    + " trail's bucket and prefix as s3://bucket/prefix/ (the folder above AWSLogs/).");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (prefix.endsWith("AWSLogs/")) {
            prefix = prefix.substring(0, prefix.length() - "AWSLogs/".length());
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new String[] {bucket, prefix};
    }
}
