package dev.driftdeck.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operation recorded by a scan maps to the IAM action a policy must allow. */
class IamActionsTest {

    @Test
    void apiGatewayReadsOfBothVersionsAreTheGetVerbOnTheApiGatewayPrefix() {
        // The SDK names the services "API Gateway" and "ApiGatewayV2"; ApiCallCounter lower-cases them.
        assertThat(IamActions.prefix("api gateway")).isEqualTo("apigateway");
        assertThat(IamActions.prefix("apigatewayv2")).isEqualTo("apigateway");
        assertThat(IamActions.forOperation("apigateway:GetRestApis")).isEqualTo("apigateway:GET");
        assertThat(IamActions.forOperation("apigateway:GetApis")).isEqualTo("apigateway:GET");
        assertThat(IamActions.declared(Collectors.forTypes(java.util.List.of("aws_api_gateway_rest_api",
                "aws_apigatewayv2_route")))).containsExactly("apigateway:GET");
    }

    @Test
    void otherOperationsKeepTheirNameOrTheirKnownSpelling() {
        assertThat(IamActions.forOperation("ec2:DescribeVpcs")).isEqualTo("ec2:DescribeVpcs");
        assertThat(IamActions.forOperation("s3:ListBuckets")).isEqualTo("s3:ListAllMyBuckets");
    }
}
