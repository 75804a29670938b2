package com.partnernet.leads;

import org.junit.jupiter.api.Order;

import com.partnernet.testkit.conformance.ContractTrafficChecks;
import com.partnernet.testkit.infrastructure.InfrastructureTestResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The suite's traffic, all of it through Prism's validating proxy against the committed OpenAPI document (the test
 * kit's ContractTraffic): last, it requires a success of every documented operation and no violation.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
@Order(Integer.MAX_VALUE)
class ContractTrafficIT implements ContractTrafficChecks {
}
