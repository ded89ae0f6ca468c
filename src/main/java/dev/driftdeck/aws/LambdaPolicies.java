package dev.driftdeck.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a Lambda resource policy back into the {@code aws_lambda_permission} attributes that wrote it. */
final class LambdaPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaPolicies() {
    }

    static List<Map<String, Object>> statements(String policy) {
        List<Map<String, Object>> statements = new ArrayList<>();
        if (policy == null || policy.isBlank()) {
            return statements;
        }
        JsonNode root;
        try {
            root = JSON.readTree(policy);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Lambda returned a policy that is not JSON: " + e.getOriginalMessage(), e);
        }
        for (JsonNode statement : root.path("Statement")) {
            JsonNode principal = statement.path("Principal");
            String principalText = principal.isTextual() ? principal.asText()
                    : principal.path("Service").isMissingNode() ? principal.path("AWS").asText(null)
                    : principal.path("Service").asText();
            statements.add(Attributes.of()
                    .put("statement_id", statement.path("Sid").asText())
                    .put("action", statement.path("Action").asText())
                    .put("principal", principalText)
                    .put("source_arn", statement.path("Condition").path("ArnLike").path("AWS:SourceArn").asText(null))
                    .put("source_account", equalsCondition(statement, "AWS:SourceAccount"))
                    .put("principal_org_id", equalsCondition(statement, "aws:PrincipalOrgID"))
                    .put("event_source_token", equalsCondition(statement, "lambda:EventSourceToken"))
                    .put("function_url_auth_type", equalsCondition(statement, "lambda:FunctionUrlAuthType"))
                    .put("qualifier", qualifier(statement.path("Resource").asText("")))
                    .build());
        }
        return statements;
    }

    private static String equalsCondition(JsonNode statement, String key) {
        return statement.path("Condition").path("StringEquals").path(key).asText(null);
    }

    /** The version or alias of {@code arn:aws:lambda:region:account:function:name[:qualifier]}; "" for none. */
    private static String qualifier(String resource) {
        String[] parts = resource.split(":");
        return parts.length > 7 ? parts[7] : "";
    }
}
