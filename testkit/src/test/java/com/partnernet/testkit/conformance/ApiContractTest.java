package com.partnernet.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiContractTest {

    private static final String CONTRACT = document("""
              name:
                type: string
              city:
                type: string""", "[READY, DONE]");

    private static final List<String> PROPERTIES = List.of("contract.update", "contract.breaking");

    @TempDir
    Path directory;

    /** What the build was started with (a -Dcontract.update run writes the services' documents, not these). */
    private final Map<String, String> given = new HashMap<>();

    @BeforeEach
    void noUpdate() {
        for (String property : PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null) {
                given.put(property, value);
            }
        }
        clear();
    }

    @AfterEach
    void restore() {
        clear();
        given.forEach(System::setProperty);
    }

    private static void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void theSameDocumentPasses() throws Exception {
        Path committed = committed();
        ApiContract.verify(CONTRACT, committed);
    }

    @Test
    void anAddedFieldIsADifferenceButNotABreakingOne() throws Exception {
        String served = document("""
                  name:
                    type: string
                  city:
                    type: string
                  postalCode:
                    type: string""", "[READY, DONE]");
        AssertionError refused = assertThrows(AssertionError.class, () -> ApiContract.verify(served, committed()));
        assertTrue(refused.getMessage().contains("(compatible)"), refused.getMessage());
        System.setProperty("contract.update", "true");
        Path committed = committed();
        ApiContract.verify(served, committed);
        assertEquals(served, Files.readString(committed));
    }

    @Test
    void aRemovedFieldOrEnumValueBreaksClientsAndIsNotWrittenUnlessAccepted() throws Exception {
        for (String served : List.of(document("""
                  name:
                    type: string""", "[READY, DONE]"), document("""
                  name:
                    type: string
                  city:
                    type: string""", "[READY]"))) {
            Path committed = committed();
            AssertionError refused = assertThrows(AssertionError.class, () -> ApiContract.verify(served, committed));
            assertTrue(refused.getMessage().contains("BREAKS clients"), refused.getMessage());
            System.setProperty("contract.update", "true");
            AssertionError notWritten = assertThrows(AssertionError.class, () -> ApiContract.verify(served, committed));
            assertTrue(notWritten.getMessage().startsWith("Not written"), notWritten.getMessage());
            assertEquals(CONTRACT, Files.readString(committed));
            System.setProperty("contract.breaking", "accept");
            ApiContract.verify(served, committed);
            assertEquals(served, Files.readString(committed));
            clear();
        }
    }

    @Test
    void everyOperationNeedsAUniqueOperationIdAndItsRoles() {
        String withoutRoles = CONTRACT.replace("""
                      security:
                      - bearer:
                        - sales-manager
                """, "");
        assertEquals(List.of("GET /shops/{id}: names no roles (security requirement with the roles as scopes)"),
                ApiContract.lint(withoutRoles));
        assertEquals(List.of("GET /shops/{id}: no operationId"),
                ApiContract.lint(CONTRACT.replace("      operationId: getShop\n", "")));
    }

    @Test
    void aChangeToAVersionedResourceRequiresIfMatchWith412And428AndNothingElseTakesIt() {
        String change = """
                  /shops/{id}/closure:
                    post:
                      operationId: closeShop
                %s      responses:
                        "200":
                          description: OK
                          headers:
                            ETag:
                              schema:
                                type: string
                %s      security:
                      - bearer:
                        - sales-manager
                components:""";
        String ifMatch = """
                      parameters:
                      - name: If-Match
                        in: header
                        required: %s
                        schema:
                          type: string
                """;
        String preconditions = """
                        "412":
                          description: stale
                        "428":
                          description: missing
                """;
        assertEquals(List.of(), ApiContract.lint(withOperation(change.formatted(ifMatch.formatted("true"), preconditions))));
        assertEquals(List.of("POST /shops/{id}/closure: changes a versioned resource (its answer has an ETag) but takes "
                + "no If-Match"), ApiContract.lint(withOperation(change.formatted("", preconditions))));
        assertEquals(List.of("POST /shops/{id}/closure: If-Match is not marked required",
                "POST /shops/{id}/closure: takes If-Match but does not list 412",
                "POST /shops/{id}/closure: takes If-Match but does not list 428"),
                ApiContract.lint(withOperation(change.formatted(ifMatch.formatted("false"), ""))));
        String create = change.formatted(ifMatch.formatted("true"), preconditions).replace("\"200\":", "\"201\":");
        assertEquals(List.of("POST /shops/{id}/closure: takes If-Match but changes no existing versioned resource"),
                ApiContract.lint(withOperation(create)));
    }

    @Test
    void everyPropertyIsRequiredOrAdmitsNull() {
        String undecided = CONTRACT.replace("required: [status, name, city, postalCode]", "required: [status, name]");
        assertEquals(List.of("Shop.city: neither required nor admitting null (docs/api/README.md, null)"),
                ApiContract.lint(undecided));
        for (String nullable : List.of("type: [string, \"null\"]",
                "anyOf: [{$ref: \"#/components/schemas/City\"}, {type: \"null\"}]")) {
            String decided = undecided.replace("        city:\n          type: string", "        city:\n          " + nullable);
            assertEquals(List.of(), ApiContract.lint(decided), decided);
        }
    }

    private static String withOperation(String operation) {
        return CONTRACT.replace("components:", operation);
    }

    private Path committed() throws Exception {
        Path committed = Files.createTempFile(directory, "contract", ".yaml");
        Files.writeString(committed, CONTRACT);
        return committed;
    }

    private static String document(String properties, String statuses) {
        return """
                openapi: 3.0.3
                info:
                  title: shops
                  version: "1"
                paths:
                  /shops/{id}:
                    get:
                      operationId: getShop
                      parameters:
                      - name: id
                        in: path
                        required: true
                        schema:
                          type: string
                      responses:
                        "200":
                          description: OK
                          content:
                            application/json:
                              schema:
                                $ref: "#/components/schemas/Shop"
                      security:
                      - bearer:
                        - sales-manager
                components:
                  securitySchemes:
                    bearer:
                      type: http
                      scheme: bearer
                  schemas:
                    Shop:
                      type: object
                      required: [status, name, city, postalCode]
                      properties:
                        status:
                          type: string
                          enum: %s
                %s
                """.formatted(statuses, properties.indent(8).stripTrailing());
    }
}
