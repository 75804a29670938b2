package com.partnernet.partners;

import static com.partnernet.chassis.security.Roles.SALES_MANAGER;
import static com.partnernet.partners.PartnerApi.registerPartner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.partnernet.testkit.infrastructure.InfrastructureTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "test-manager", roles = SALES_MANAGER)
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
class PartnerResourceIT {

    @Test
    void registersAPartnerWithContactTierAndAdvisoryBoardMembership() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Rhein Mobilfunk GmbH", "type", "RETAIL_PARTNER", "tier", "GOLD",
                        "contact", Map.of("name", "Anna Schmidt", "email", "anna.schmidt@rhein-mobil.example",
                                "phone", "+49 221 555000"),
                        "advisoryBoard", Map.of("role", "VICE_CHAIR", "memberSince", "2020-01-01")))
                .post("/partners")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("ACTIVE"))
                .body("tier", equalTo("GOLD"))
                .body("contact.email", equalTo("anna.schmidt@rhein-mobil.example"))
                .body("advisoryBoard.role", equalTo("VICE_CHAIR"))
                .body("advisoryBoard.memberSince", equalTo("2020-01-01"))
                .body("$", not(org.hamcrest.Matchers.hasKey("periodValid")));
    }

    @Test
    void updatesNeedTheCurrentETagAsIfMatch() {
        String partnerId = registerPartner("Optimistic Partner");
        Map<String, Object> update = Map.of("name", "Optimistic Partner GmbH", "type", "RETAIL_PARTNER", "status", "SUSPENDED");

        given().contentType(ContentType.JSON).body(update)
                .put("/partners/{id}", partnerId)
                .then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .put("/partners/{id}", partnerId)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("SUSPENDED"));
        // A second writer still holding version 0 loses, and nothing changes.
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Lost update", "type", "RETAIL_PARTNER"))
                .put("/partners/{id}", partnerId)
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("\"1\""));
        given().get("/partners/{id}", partnerId).then().header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Optimistic Partner GmbH"));
    }

    @Test
    void listIsFilteredSortedAndPaged() {
        String prefix = "Paging-" + UUID.randomUUID().toString().substring(0, 8);
        registerPartner(prefix + " Alpha");
        registerPartner(prefix + " Beta");
        registerPartner(Map.of("name", prefix + " Gamma", "type", "DIRECT_SALES"));

        given().get("/partners?name={name}&sort=-name&size=2", prefix.toLowerCase())
                .then().statusCode(200)
                .body("items.name", contains(prefix + " Gamma", prefix + " Beta"))
                .body("page", equalTo(0)).body("size", equalTo(2))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        given().get("/partners?name={name}&sort=-name&size=2&page=1", prefix)
                .then().body("items.name", contains(prefix + " Alpha"));
        given().get("/partners?name={name}&type=DIRECT_SALES", prefix)
                .then().body("items.name", contains(prefix + " Gamma"));
    }

    @Test
    void badListParametersAreProblemsNamingTheParameter() {
        given().get("/partners?sort=password").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("sort"))
                .body("violations[0].message", containsString("name"));
        given().get("/partners?size=500").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().get("/partners?page=-1").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
        given().get("/partners?type=FRANCHISE").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", containsString("DIRECT_SALES"));
        given().get("/advisory-board?on=yesterday").then().statusCode(400)
                .body("violations[0].field", equalTo("on"));
        given().get("/partners?page=first").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void advisoryBoardListsTheMembersOfADay() {
        String member = registerPartner(Map.of("name", "Board Member 2020-2022", "type", "RETAIL_PARTNER",
                "advisoryBoard", Map.of("role", "MEMBER", "memberSince", "2020-03-01", "memberUntil", "2022-02-28")));

        given().get("/advisory-board?on=2021-06-01").then().statusCode(200).body("items.id", hasItem(member));
        given().get("/advisory-board?on=2023-01-01").then().statusCode(200).body("items.id", not(hasItem(member)));
        given().get("/advisory-board").then().statusCode(200).body("$", notNullValue());
    }

    @Test
    void invalidPartnersAreRejectedWithFieldViolations() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Bad Board", "type", "RETAIL_PARTNER",
                        "contact", Map.of("email", "not-an-email"),
                        "advisoryBoard", Map.of("role", "MEMBER", "memberSince", "2022-01-01", "memberUntil", "2021-01-01")))
                .post("/partners")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.hasItems("contact.email", "advisoryBoard.memberUntil"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Bad Date", "type", "RETAIL_PARTNER",
                        "advisoryBoard", Map.of("role", "MEMBER", "memberSince", "01.01.2022")))
                .post("/partners")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("advisoryBoard.memberSince"));
    }
}
