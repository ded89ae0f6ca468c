package dev.driftdeck.aws;

import static dev.driftdeck.drift.Normalization.CASE_INSENSITIVE;
import static dev.driftdeck.drift.Normalization.SCALAR;
import static dev.driftdeck.drift.Normalization.SET;
import static dev.driftdeck.drift.Normalization.STRING;

import dev.driftdeck.drift.LiveResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import dev.driftdeck.remediation.ImportIds;

/**
 * Lambda functions and permissions, per region. ListFunctions carries the compared configuration; tags (ListTags)
 * and resource policies (GetPolicy, which holds the permissions) are fetched for managed functions only.
 */
final class LambdaCollectors {

    static final String FUNCTION = "aws_lambda_function";
    static final String PERMISSION = "aws_lambda_permission";

    private LambdaCollectors() {
    }

    static List<CollectorDefinition> all() {
        return List.of(
                CollectorDefinition.regional(FUNCTION).actions("lambda:ListFunctions", "lambda:ListTags")
                        .compare("runtime", STRING).compare("handler", STRING).compare("role", STRING)
                        .compare("memory_size", SCALAR).compare("timeout", SCALAR).compare("description", STRING)
                        .compare("environment", SET).compare("vpc_config", SET).compare("tracing_config", SET)
                        .compare("layers", SET).compare("architectures", SET).compare("kms_key_arn", STRING)
                        .compare("dead_letter_config", SET).compare("ephemeral_storage", SET)
                        .compare("file_system_config", SET).compare("image_config", SET)
                        .compare("logging_config", SET).compare("package_type", CASE_INSENSITIVE)
                        .compare("snap_start", SET).compareTags()
                        .notCompared(NotCompared.IDENTITY, "function_name")
                        .notCompared(NotCompared.costsACall("GetFunctionConcurrency"), "reserved_concurrent_executions")
                        .notCompared(NotCompared.costsACall("GetFunctionCodeSigningConfig"), "code_signing_config_arn")
                        .notCompared(NotCompared.costsACall("GetFunction"), "image_uri")
                        .notCompared(NotCompared.CREATE_ONLY, "s3_bucket", "s3_key", "s3_object_version")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "filename", "source_code_hash", "publish", "skip_destroy",
                                "replace_security_groups_on_destroy", "replacement_security_group_ids")
                        .importId(ImportIds.SAME_AS_ID).listedBy(LambdaCollectors::functions),
                // Terraform's id is the statement id; matched as function_name/statement_id, function_name as the
                // state spells it (a name or an ARN), so two functions' "AllowAPIGateway" statements never collide.
                CollectorDefinition.regional(PERMISSION).actions("lambda:GetPolicy")
                        .idFrom("function_name", "statement_id")
                        .compare("action", STRING).compare("principal", STRING).compare("source_arn", STRING)
                        .compare("source_account", STRING).compare("principal_org_id", STRING)
                        .compare("event_source_token", STRING).compare("function_url_auth_type", CASE_INSENSITIVE)
                        .compare("qualifier", STRING)
                        .notCompared(NotCompared.IDENTITY, "function_name", "statement_id")
                        .notCompared(NotCompared.TERRAFORM_ONLY, "statement_id_prefix")
                        .importId(ImportIds.SAME_AS_ID).listedBy(LambdaCollectors::permissions));
    }

    private static List<LiveResource> functions(CollectorContext ctx) {
        LambdaClient lambda = ctx.session().lambda(ctx.region());
        List<LiveResource> functions = new ArrayList<>();
        for (FunctionConfiguration function : lambda.listFunctionsPaginator().functions()) {
            if (!ctx.manages(FUNCTION, function.functionName())) {
                functions.add(ctx.identityOnly(FUNCTION, function.functionName()));
                continue;
            }
            Map<String, String> tags = lambda.listTags(r -> r.resource(function.functionArn())).tags();
            Attributes attributes = Attributes.of()
                    .put("runtime", function.runtimeAsString())
                    .put("handler", function.handler())
                    .put("role", function.role())
                    .put("memory_size", function.memorySize())
                    .put("timeout", function.timeout())
                    .put("description", function.description())
                    .put("tags", Map.copyOf(tags));
            LambdaShapes.configuration(function).forEach(attributes::put);
            functions.add(ctx.resource(FUNCTION, function.functionName(), attributes.build()));
        }
        return functions;
    }

    /**
     * The statements of every function a state manages (as the function, or through one of its permissions), each
     * under the function name the state uses. A function without a policy has no permissions.
     */
    private static List<LiveResource> permissions(CollectorContext ctx) {
        Map<String, String> spellingByFunction = new LinkedHashMap<>();
        ctx.managed().ids(FUNCTION).forEach(name -> spellingByFunction.put(name, name));
        ctx.managed().resources(PERMISSION).values().forEach(permission -> {
            String spelling = String.valueOf(permission.get("function_name"));
            spellingByFunction.put(functionName(spelling), spelling);
        });
        LambdaClient lambda = ctx.session().lambda(ctx.region());
        List<LiveResource> permissions = new ArrayList<>();
        spellingByFunction.forEach((function, spelling) -> {
            String policy;
            try {
                policy = lambda.getPolicy(r -> r.functionName(function)).policy();
            } catch (ResourceNotFoundException noPolicyOrNoFunction) {
                return;
            }
            for (Map<String, Object> statement : LambdaPolicies.statements(policy)) {
                permissions.add(ctx.resource(PERMISSION, spelling + "/" + statement.get("statement_id"), statement));
            }
        });
        return permissions;
    }

    /** A function named by ARN ({@code arn:aws:lambda:r:a:function:name[:qualifier]}) or by name, as its name. */
    static String functionName(String spelling) {
        if (!spelling.startsWith("arn:")) {
            return spelling;
        }
        String[] parts = spelling.split(":");
        return parts.length > 6 ? parts[6] : spelling;
    }
}
