package com.partnernet.partners;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Requests the partners-service tests share: a valid partner or shop body, with fields overridden per test. */
final class PartnerApi {

    private PartnerApi() {
    }

    static String registerPartner(String name) {
        return registerPartner(Map.of("name", name, "type", "RETAIL_PARTNER"));
    }

    static String registerPartner(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/partners")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** A valid shop in Cologne; {@code overrides} replace or add fields (a null value removes the field). */
    static Map<String, Object> shop(String name, Map<String, Object> overrides) {
        Map<String, Object> shop = new HashMap<>();
        shop.put("name", name);
        shop.put("street", "Hohe Straße 52");
        shop.put("postalCode", "50667");
        shop.put("city", "Köln");
        shop.put("state", "DE-NW");
        shop.put("latitude", 50.9375);
        shop.put("longitude", 6.9571);
        shop.put("format", "CLASSIC");
        shop.put("segments", List.of("CONSUMER"));
        shop.put("productLines", List.of("MOBILE", "TV"));
        shop.put("catchment", List.of("506"));
        shop.put("weeklyLeadCapacity", 30);
        shop.put("openingHours", List.of(Map.of("day", "MONDAY", "opens", "10:00", "closes", "20:00")));
        shop.put("email", "koeln-hohe-strasse@partner.example");
        overrides.forEach((key, value) -> {
            if (value == null) {
                shop.remove(key);
            } else {
                shop.put(key, value);
            }
        });
        return shop;
    }

    static String openShop(String partnerId, Map<String, Object> shop) {
        return given().contentType(ContentType.JSON).body(shop)
                .post("/partners/{partnerId}/shops", partnerId)
                .then().statusCode(201)
                .extract().path("id");
    }

    static String etag(String path, Object... pathParams) {
        return given().get(path, pathParams).then().statusCode(200).extract().header("ETag");
    }
}
