package com.partnernet.leads;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.partnernet.testkit.conformance.ApiContract;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document the service serves is the one committed under docs/api ({@link ApiContract}). */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class ApiContractIT {

    @Test
    void theServedOpenApiDocumentIsTheCommittedContract() throws Exception {
        String served = given().get("/q/openapi").then().statusCode(200).extract().asString();
        ApiContract.verify(served, Path.of("../docs/api/leads-service.openapi.yaml"));
    }
}
