package com.partnernet.partners.remodel;

/**
 * Whether the year's remodel goal will be met: ON_TRACK when what is done, running, and planned to start on time and
 * finish within the year reaches it; MISSED when the year is over short of it, or when even every open remodel
 * finishing (overdue plans included) falls short and too little of the year is left to plan and finish another;
 * AT_RISK otherwise.
 */
public enum ProgrammeOutlook {
    ON_TRACK,
    AT_RISK,
    MISSED;

    /**
     * @param projected completed + in progress + planned to start from today and end within the year
     * @param bestCase completed + in progress + every plan of the year, overdue ones included
     * @param daysLeft days of the year from today on (0 once it is over)
     * @param typicalDays how long a remodel is planned to take
     */
    static ProgrammeOutlook of(int goal, long completed, long projected, long bestCase, long daysLeft, long typicalDays) {
        if (completed >= goal) {
            return ON_TRACK;
        }
        if (daysLeft <= 0) {
            return MISSED;
        }
        if (projected >= goal) {
            return ON_TRACK;
        }
        return bestCase < goal && daysLeft < typicalDays ? MISSED : AT_RISK;
    }
}
