package dev.driftdeck.remediation;

/** The parts of an ARN ({@code arn:partition:service:region:account:resource}) an import id is built from. */
final class Arns {

    private Arns() {
    }

    /** The resource part after its type: {@code service/cluster/web} gives {@code cluster/web}; null if not an ARN. */
    static String resource(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] fields = arn.split(":", 6);
        if (fields.length < 6) {
            return null;
        }
        String resource = fields[5];
        int slash = resource.indexOf('/');
        return slash < 0 ? resource : resource.substring(slash + 1);
    }
}
