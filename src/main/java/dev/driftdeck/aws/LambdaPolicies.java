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
                    .build());
        }
        return statements;
    }
}
