package com.partnernet.testkit.conformance;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A running service held to its own OpenAPI document, as each service's conformance test runs it: the test class
 * implements this with its endpoints' rules, a probe of the running service and the personal data it stored, and
 * inherits the four checks as its tests.
 */
public interface ConformanceChecks {

    /** A probe of the service under test, its sample resources those of {@link ContractProbe}'s partner A. */
    ContractProbe probe();

    /** Every endpoint's rule: each one the document lists, and no other. */
    List<Endpoint> endpoints();

    /** The values the service's personal-data model marks, as stored now. */
    Set<String> storedPersonalValues();

    @Test
    default void everyEndpointAnswersEachCallerAsItsRuleSays() throws Exception {
        new AuthorizationMatrix(probe()).verify(endpoints());
    }

    @Test
    default void everyEndpointAnswersClientMistakesWithTheDocumentedProblem() throws Exception {
        new BadInputSweep(probe()).verify(endpoints());
    }

    @Test
    default void everyReadAnswersWhatItsDocumentedSchemaSays() throws Exception {
        AnswerSchemas.verify(probe(), endpoints());
    }

    @Test
    default void opsReadsEveryEndpointWithoutThePersonalDataTheModelMarks() throws Exception {
        new PersonalDataSweep(probe()).verify(endpoints(), storedPersonalValues());
    }
}
