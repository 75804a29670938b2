package com.partnernet.testkit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What the suite's traffic through the independent validator ({@link ContractTraffic}) must add up to, checked by a
 * service's last scenario class (it implements this, {@code @Order(Integer.MAX_VALUE)}): a success of every
 * operation the committed document lists, and not one violation of an answer, nor of a request the service took.
 */
public interface ContractTrafficChecks {

    @Test
    default void everyDocumentedOperationSucceededThroughTheIndependentValidatorWithoutAViolation() {
        List<String> failures = new ArrayList<>(ContractTraffic.violations());
        Map<String, Set<Integer>> met = ContractTraffic.statuses();
        int succeeded = 0;
        for (String operation : ContractTraffic.operations()) {
            Set<Integer> statuses = met.getOrDefault(operation, Set.of());
            if (statuses.stream().anyMatch(status -> status >= 200 && status < 300)) {
                succeeded++;
            } else {
                failures.add(operation + ": no success went through the validator (met " + statuses + ")");
            }
        }
        System.out.printf("Contract traffic: %d exchanges shown to Prism, %d of %d operations met with a success%n",
                ContractTraffic.validated(), succeeded, ContractTraffic.operations().size());
        ContractProbe.report(failures, "gaps or violations in the traffic through the independent validator");
    }
}
