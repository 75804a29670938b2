package com.partnernet.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The reduced sizes of fault scenarios 1, 3, 4, 6 and 7, so the test command keeps them green (all seven, reduced
 * or at full size: deploy/chaos/run).
 */
class ReducedFaultScenariosIT {

    private static final Path ROOT = Path.of(System.getProperty("partnernet.root", "../..")).toAbsolutePath().normalize();

    @Test
    void killingAndStoppingLeadsServiceMidLoadLosesNoLeadAndPublishesNoAssignmentTwice() throws Exception {
        assertPasses(1);
    }

    @Test
    void restartingTheBrokerMidLoadTakesReadinessDownAndUpAndLosesNoLead() throws Exception {
        assertPasses(3);
    }

    @Test
    void aDatabaseOutageOfOverAMinuteMidLoadTakesReadinessDownAndUpAndLosesNoLead() throws Exception {
        assertPasses(4);
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndEveryGoodLeadIsStored() throws Exception {
        assertPasses(6);
    }

    @Test
    void badRequestsToEveryOperationAreRefusedWithProblemsAndWriteNothing() throws Exception {
        assertPasses(7);
    }

    /** Runs the scenario of that number at the reduced size the runner's --reduced uses, with a fixed seed. */
    private static void assertPasses(int number) throws Exception {
        Scenario scenario = ChaosRunner.scenarios(false, 42).stream()
                .filter(candidate -> candidate.name().startsWith(number + " ")).findFirst().orElseThrow();
        Outcome outcome = ChaosRunner.run(ROOT, scenario);
        assertTrue(outcome.passed(), outcome.toString());
    }
}
