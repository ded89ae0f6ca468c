package dev.driftdeck.aws;

import dev.driftdeck.state.Sensitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * A function's configuration as ListFunctions returns it, in the shapes {@code aws_lambda_function} writes (provider
 * 5.100): nested blocks as lists, none when AWS has none. Environment variable values are fingerprinted exactly as
 * the state parser fingerprints them ({@link Sensitive#fingerprint}): compared, never kept or shown.
 */
final class LambdaShapes {

    private LambdaShapes() {
    }

    static Map<String, Object> configuration(FunctionConfiguration function) {
        Map<String, Object> live = new LinkedHashMap<>();
        Map<String, String> variables = function.environment() == null ? Map.of() : function.environment().variables();
        Map<String, Object> fingerprinted = new TreeMap<>();
        variables.forEach((name, value) -> fingerprinted.put(name, Sensitive.fingerprint(value == null ? "" : value)));
        live.put("environment", fingerprinted.isEmpty() ? List.of() : List.of(Map.of("variables", fingerprinted)));
        var vpc = function.vpcConfig();
        live.put("vpc_config", vpc == null || vpc.subnetIds().isEmpty() && vpc.securityGroupIds().isEmpty() ? List.of()
                : List.of(block("subnet_ids", vpc.subnetIds(), "security_group_ids", vpc.securityGroupIds(),
                "vpc_id", vpc.vpcId(), "ipv6_allowed_for_dual_stack", Boolean.TRUE.equals(vpc.ipv6AllowedForDualStack()))));
        live.put("tracing_config", function.tracingConfig() == null || function.tracingConfig().mode() == null
                ? List.of() : List.of(Map.of("mode", function.tracingConfig().modeAsString())));
        // Compared as a set: the provider writes null or [] for none depending on the run, which a set reads alike
        // (a reordering of the same layers, rare, is not reported).
        live.put("layers", function.layers().stream().map(l -> l.arn()).toList());
        live.put("architectures", function.architecturesAsStrings());
        live.put("kms_key_arn", function.kmsKeyArn());
        live.put("dead_letter_config", function.deadLetterConfig() == null || function.deadLetterConfig().targetArn() == null
                ? List.of() : List.of(Map.of("target_arn", function.deadLetterConfig().targetArn())));
        live.put("ephemeral_storage", function.ephemeralStorage() == null ? List.of()
                : List.of(Map.of("size", function.ephemeralStorage().size())));
        live.put("file_system_config", function.fileSystemConfigs().stream()
                .map(fs -> Map.<String, Object>of("arn", fs.arn(), "local_mount_path", fs.localMountPath())).toList());
        var image = function.imageConfigResponse() == null ? null : function.imageConfigResponse().imageConfig();
        live.put("image_config", image == null ? List.of() : List.of(block("command", image.command(),
                "entry_point", image.entryPoint(), "working_directory", image.workingDirectory())));
        var logging = function.loggingConfig();
        live.put("logging_config", logging == null ? List.of() : List.of(block(
                "application_log_level", logging.applicationLogLevelAsString(), "log_format", logging.logFormatAsString(),
                "log_group", logging.logGroup(), "system_log_level", logging.systemLogLevelAsString())));
        live.put("package_type", function.packageTypeAsString());
        // ApplyOn "None" is AWS's word for SnapStart off; the provider then writes no block.
        live.put("snap_start", function.snapStart() == null || function.snapStart().applyOn() == null
                || "None".equals(function.snapStart().applyOnAsString())
                ? List.of() : List.of(Map.of("apply_on", function.snapStart().applyOnAsString())));
        return live;
    }

    private static Map<String, Object> block(Object... pairs) {
        Map<String, Object> block = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            block.put((String) pairs[i], pairs[i + 1]);
        }
        return block;
    }
}
