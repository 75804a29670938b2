package com.partnernet.partners.remodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Whether the year's remodel goal will be met, without a database. */
class ProgrammeOutlookTest {

    @Test
    void onTrackWhenDoneRunningAndOnTimePlansReachTheGoal() {
        assertEquals(ProgrammeOutlook.ON_TRACK, ProgrammeOutlook.of(90, 34, 90, 95, 29, 21));
        assertEquals(ProgrammeOutlook.ON_TRACK, ProgrammeOutlook.of(90, 90, 90, 90, 0, 21), "reached, the year over");
    }

    /** 2 December: 34 done, 10 running, 56 plans whose start has passed: only overdue plans could still make it. */
    @Test
    void atRiskWhenOnlyOverduePlansOrPlansNotYetMadeCouldReachIt() {
        assertEquals(ProgrammeOutlook.AT_RISK, ProgrammeOutlook.of(90, 34, 44, 100, 30, 21));
        assertEquals(ProgrammeOutlook.AT_RISK, ProgrammeOutlook.of(90, 34, 44, 44, 120, 21), "time left to plan more");
    }

    @Test
    void missedWhenTheYearIsOverShortOfItOrNothingOpenAndNoTimeLeftCanReachIt() {
        assertEquals(ProgrammeOutlook.MISSED, ProgrammeOutlook.of(90, 89, 89, 89, 0, 21));
        assertEquals(ProgrammeOutlook.MISSED, ProgrammeOutlook.of(90, 34, 44, 80, 20, 21));
    }
}
