package dev.driftdeck.state;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes whose values providers mark sensitive in their schema. Terraform before 0.15 (and many states
 * written later) record no {@code sensitive_attributes} for them, so the state alone cannot tell: we mask these
 * by name on top of whatever the state itself marks.
 */
final class SensitiveAttributes {

    /** Path steps; {@code *} stands for every element of a list or every key of a map. */
    private static final Map<String, List<List<String>>> BY_TYPE = Map.ofEntries(
            Map.entry("aws_iam_access_key", paths("secret", "ses_smtp_password", "ses_smtp_password_v4")),
            Map.entry("aws_iam_user_login_profile", paths("password")),
            Map.entry("aws_iam_service_specific_credential", paths("service_password")),
            Map.entry("aws_iam_server_certificate", paths("private_key")),
            Map.entry("aws_acm_certificate", paths("private_key")),
            Map.entry("aws_db_instance", paths("password")),
            Map.entry("aws_rds_cluster", paths("master_password")),
            Map.entry("aws_docdb_cluster", paths("master_password")),
            Map.entry("aws_redshift_cluster", paths("master_password")),
            Map.entry("aws_elasticache_replication_group", paths("auth_token")),
            Map.entry("aws_ssm_parameter", paths("value")),
            Map.entry("aws_secretsmanager_secret_version", paths("secret_string", "secret_binary")),
            Map.entry("aws_api_gateway_api_key", paths("value")),
            Map.entry("aws_appsync_api_key", paths("key")),
            Map.entry("aws_cognito_user_pool_client", paths("client_secret")),
            Map.entry("aws_kms_ciphertext", paths("plaintext")),
            Map.entry("aws_lightsail_key_pair", paths("private_key", "encrypted_private_key")),
            Map.entry("aws_directory_service_directory", paths("password")),
            Map.entry("aws_dms_endpoint", paths("password")),
            Map.entry("aws_mq_broker", List.of(List.of("user", "*", "password"))),
            Map.entry("aws_opensearch_domain", List.of(List.of("advanced_security_options", "*",
                    "master_user_options", "*", "master_user_password"))),
            Map.entry("aws_elasticsearch_domain", List.of(List.of("advanced_security_options", "*",
                    "master_user_options", "*", "master_user_password"))),
            Map.entry("google_compute_ssl_certificate", paths("private_key")),
            Map.entry("google_sql_user", paths("password")),
            Map.entry("tls_private_key", paths("private_key_pem", "private_key_openssh", "private_key_pem_pkcs8")),
            Map.entry("random_password", paths("result", "bcrypt_hash")));

    /**
     * Names that hold a secret whatever the type (every secret planted in the real-account corpus is under one of
     * them); masked at any depth, so a type missing from the table above does not leak its password.
     */
    private static final Set<String> ANY_TYPE = Set.of(
            "password", "master_password", "admin_password", "master_user_password",
            "secret", "encrypted_secret", "ses_smtp_password", "ses_smtp_password_v4",
            "secret_string", "secret_binary", "private_key", "private_key_pem", "key_material_base64",
            "auth_token", "client_secret");

    /**
     * Values that may hold a secret but must still be compared: each is replaced by its
     * {@link Sensitive#fingerprint}, which a collector computes the same way from the live value, so a change shows
     * without either value being kept or shown. Lambda environment variables carry database passwords and API keys
     * as often as log levels.
     */
    private static final Map<String, List<List<String>>> FINGERPRINTED = Map.of(
            "aws_lambda_function", List.of(List.of("environment", "*", "variables", "*")));

    private SensitiveAttributes() {
    }

    static List<List<String>> forType(String type) {
        return BY_TYPE.getOrDefault(type, List.of());
    }

    static List<List<String>> fingerprintedForType(String type) {
        return FINGERPRINTED.getOrDefault(type, List.of());
    }

    static Set<String> anyType() {
        return ANY_TYPE;
    }

    private static List<List<String>> paths(String... topLevel) {
        return java.util.Arrays.stream(topLevel).map(List::of).toList();
    }
}
