package com.partnernet.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The reduced sizes of the fault scenarios, so the test command keeps them green (full size: deploy/chaos/run). */
class ReducedFaultScenariosTest {

    private static final Path ROOT = Path.of(System.getProperty("partnernet.root", "../..")).toAbsolutePath().normalize();

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndEveryGoodLeadIsStored() throws Exception {
        Outcome outcome = ChaosRunner.run(ROOT, new PoisonInput(100, 2));
        assertTrue(outcome.passed(), outcome.toString());
    }

    @Test
    void killingLeadsServiceTwiceMidLoadLosesNoLeadAndPublishesNoAssignmentTwice() throws Exception {
        Outcome outcome = ChaosRunner.run(ROOT, new ServiceCrash(600, 150, 42));
        assertTrue(outcome.passed(), outcome.toString());
    }
}
