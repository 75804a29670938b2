package com.partnernet.leads;

import org.junit.jupiter.api.Test;

import com.partnernet.local.ArchitectureRules;

/** No package imports run in a circle; resources use no other package's repository. */
class ArchitectureTest {

    @Test
    void packagesImportDownwardOnlyAndResourcesKeepToTheirOwnRepositories() {
        ArchitectureRules.verify("com.partnernet.leads");
    }
}
