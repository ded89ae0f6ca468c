package dev.driftdeck.aws.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftdeck.drift.Finding;
import dev.driftdeck.drift.FindingStatus;
import dev.driftdeck.drift.ScanReport;
import dev.driftdeck.testing.PrivateMoto;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * API Gateway REST APIs (v1) and HTTP APIs (v2) end to end: real Terraform applies {@code fixtures/terraform/apigateway}
 * to moto, a scan finds every type in sync with only declared read calls, and console-style edits, deletions and a
 * hand-made API are reported exactly. {@code aws_api_gateway_rest_api_policy} is not in the fixture: moto returns a
 * REST API's policy as plain JSON where AWS escapes it, and the provider fails to read it back.
 */
@PrivateMoto
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiGatewayFamilyTest {

    /** The types this fixture covers; CoverageTest leaves them to it. */
    static final Set<String> TYPES = Set.of("aws_api_gateway_rest_api", "aws_api_gateway_resource",
            "aws_api_gateway_method", "aws_api_gateway_integration", "aws_api_gateway_method_response",
            "aws_api_gateway_integration_response", "aws_api_gateway_deployment", "aws_api_gateway_stage",
            "aws_api_gateway_method_settings", "aws_api_gateway_authorizer", "aws_api_gateway_model",
            "aws_api_gateway_request_validator", "aws_api_gateway_gateway_response", "aws_api_gateway_api_key",
            "aws_api_gateway_usage_plan", "aws_api_gateway_usage_plan_key", "aws_api_gateway_vpc_link",
            "aws_api_gateway_domain_name", "aws_api_gateway_base_path_mapping", "aws_apigatewayv2_api",
            "aws_apigatewayv2_route", "aws_apigatewayv2_integration", "aws_apigatewayv2_stage");

    /**
     * Supported, but not applied by Terraform against moto: the REST API policy (see the class comment) and the v2
     * types moto cannot list. ApiGatewayWireMockTest covers them.
     */
    static final Set<String> NOT_ON_MOTO = Set.of("aws_api_gateway_rest_api_policy", "aws_apigatewayv2_authorizer",
            "aws_apigatewayv2_model", "aws_apigatewayv2_deployment", "aws_apigatewayv2_route_response",
            "aws_apigatewayv2_integration_response", "aws_apigatewayv2_domain_name", "aws_apigatewayv2_api_mapping",
            "aws_apigatewayv2_vpc_link");

    private static CoverageFixture fixture;

    @BeforeAll
    static void applyTerraform() throws Exception {
        fixture = CoverageFixture.apply("apigateway");
    }

    @Test
    @Order(1)
    void aFreshApplyIsInSyncWithOnlyDeclaredReadCalls() {
        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.IN_SYNC).extracting(Finding::type)
                .containsAll(TYPES);
        assertThat(fixture.undeclaredOrWriteOperations()).isEmpty();
    }

    @Test
    @Order(2)
    void consoleEditsDeletionsAndAHandMadeApiAreReportedExactly() {
        List<String> expected = ApiGatewayFamilyDrift.apply(fixture);

        ScanReport report = fixture.scan();

        assertThat(CoverageFixture.drift(report)).containsExactlyInAnyOrderElementsOf(expected);
        Set<String> touched = new TreeSet<>();
        expected.forEach(line -> touched.add(line.split(" ")[1].replaceAll("\\..*", "")));
        assertThat(touched).as("every type of the family is drifted, deleted or added to").containsAll(TYPES);
    }

    @Test
    @Order(3)
    void handMadeChildrenImportUnderTheirApi() {
        ScanReport report = fixture.scan();

        // the listing knows the API it listed them under: REST-API-ID/RESOURCE-ID, API-ID/ROUTE-ID, never a refusal
        assertThat(report.findings()).filteredOn(f -> f.status() == FindingStatus.UNMANAGED)
                .filteredOn(f -> Set.of("aws_api_gateway_resource", "aws_api_gateway_deployment",
                        "aws_apigatewayv2_route").contains(f.type()))
                .hasSize(3)
                .allSatisfy(f -> assertThat(f.importTarget().id()).as(f.type() + " " + f.importTarget().refusal())
                        .matches("[a-z0-9]+/" + java.util.regex.Pattern.quote(f.id())));
    }
}
