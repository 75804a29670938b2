package com.partnernet.partners.excellence;

import java.util.List;
import java.util.UUID;

/** Who has met the year's customer-day quota and who has not, with the days still to go. */
public record ExcellenceReport(int year, int quotaDays, long met, long notMet, List<ExecutiveStanding> executives) {

    public record ExecutiveStanding(UUID executiveId, String name, String title, long days, long remaining,
            boolean quotaMet) {
    }
}
