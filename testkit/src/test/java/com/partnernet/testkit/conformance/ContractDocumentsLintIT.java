package com.partnernet.testkit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed contracts under standard linters, as a frontend developer or an integrator would run them: Spectral's
 * {@code oas} ruleset on each OpenAPI document (docs/api/.spectral.yaml names and justifies what it turns off), the
 * AsyncAPI CLI's validation on the events' document; no error and no warning.
 */
class ContractDocumentsLintIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @ParameterizedTest
    @ValueSource(strings = { "partners-service", "leads-service", "targets-service" })
    void spectralFindsNothingToWarnAbout(String service) throws Exception {
        ContractTools.Run lint = ContractTools.run(ROOT, LIMIT, "spectral", "lint", "--ruleset", "docs/api/.spectral.yaml",
                "--fail-severity", "warn", "--format", "text", "docs/api/" + service + ".openapi.yaml");
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void theAsyncApiCliValidatesTheEventsDocument() throws Exception {
        ContractTools.Run validation = ContractTools.run(ROOT, LIMIT, "asyncapi", "validate",
                "docs/asyncapi/asyncapi.yaml", "--fail-severity", "warn");
        assertEquals(0, validation.exitCode(), validation.output());
    }
}
