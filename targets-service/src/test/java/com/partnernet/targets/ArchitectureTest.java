package com.partnernet.targets;

import org.junit.jupiter.api.Test;

import com.partnernet.testkit.conformance.ArchitectureRules;

/** The service's shape ({@link ArchitectureRules}): no import cycles, queries in repositories, Kafka at the edge. */
class ArchitectureTest {

    @Test
    void packagesImportDownwardResourcesUseTheirOwnRepositoriesQueriesAndKafkaStayInTheirPlace() {
        ArchitectureRules.verify("com.partnernet.targets");
    }
}
